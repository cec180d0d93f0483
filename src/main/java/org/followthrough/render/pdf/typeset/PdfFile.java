package org.followthrough.render.pdf.typeset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * Writes a PDF file object by object, as each is finished (page contents as soon as a page is painted),
 * with a classic cross-reference table and no object streams. Objects are PDFBox COS values; an
 * indirect object is referred to by the {@link Ref} it was given, so nothing needs to be held once written.
 *
 * <p>PDFBox's own writer looks for each object in a queue of those still to write, which takes
 * quadratic time for the hundreds of thousands of structure elements of a long plan; this one is linear.
 */
final class PdfFile implements AutoCloseable {

    private static final byte[] HEADER = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', '%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF,
        (byte) 0xD3, '\n'};

    /** A reference to an indirect object of this file: {@code n 0 R}. */
    static final class Ref extends COSBase {
        final int number;

        private Ref(int number) {
            this.number = number;
        }

        @Override
        public void accept(org.apache.pdfbox.cos.ICOSVisitor visitor) {
            throw new UnsupportedOperationException("a reference of PdfFile is written by PdfFile only");
        }
    }

    private final Output out = new Output();
    private long[] offsets = new long[256];
    private int count;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final byte[] buffer = new byte[32 * 1024];
    private byte[] compressed = new byte[32 * 1024];

    PdfFile() {
        out.write(HEADER, 0, HEADER.length);
    }

    /** A number for an object written later. */
    Ref reserve() {
        count++;
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        return new Ref(count);
    }

    /** Writes an object now and gives its reference. */
    Ref write(COSBase object) {
        Ref ref = reserve();
        write(ref, object);
        return ref;
    }

    void write(Ref ref, COSBase object) {
        begin(ref);
        value(object);
        ascii("\nendobj\n");
    }

    /** Writes a stream now: its dictionary (its length added) and its bytes, already encoded as the dictionary says. */
    Ref stream(COSDictionary dictionary, byte[] data, int length) {
        Ref ref = reserve();
        begin(ref);
        dictionary.setInt(COSName.LENGTH, length);
        value(dictionary);
        ascii("\nstream\n");
        out.write(data, 0, length);
        ascii("\nendstream\nendobj\n");
        return ref;
    }

    /** Writes a stream now, its first {@code length} bytes Flate-compressed. */
    Ref flate(COSDictionary dictionary, byte[] data, int length) {
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        int size = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            if (size + n > compressed.length) {
                compressed = Arrays.copyOf(compressed, Math.max(compressed.length * 2, size + n));
            }
            System.arraycopy(buffer, 0, compressed, size, n);
            size += n;
        }
        dictionary.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return stream(dictionary, compressed, size);
    }

    Ref flate(byte[] data) {
        return flate(new COSDictionary(), data, data.length);
    }

    @Override
    public void close() {
        deflater.end();
    }

    /** The cross-reference table and the trailer; the file's bytes. Every reserved object must have been written. */
    byte[] finish(Ref root, Ref info, byte[] id) {
        long xref = out.size();
        ascii("xref\n0 " + (count + 1) + "\n0000000000 65535 f\r\n");
        byte[] entry = "0000000000 00000 n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int n = 1; n <= count; n++) {
            if (offsets[n] == 0) {
                throw new IllegalStateException("object " + n + " was reserved and never written");
            }
            long offset = offsets[n];
            for (int i = 9; i >= 0; i--) {
                entry[i] = (byte) ('0' + offset % 10);
                offset /= 10;
            }
            out.write(entry, 0, entry.length);
        }
        COSDictionary trailer = new COSDictionary();
        trailer.setInt(COSName.SIZE, count + 1);
        trailer.setItem(COSName.ROOT, root);
        trailer.setItem(COSName.INFO, info);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        trailer.setItem(COSName.ID, ids);
        ascii("trailer\n");
        value(trailer);
        ascii("\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private void begin(Ref ref) {
        if (offsets[ref.number] != 0) {
            throw new IllegalStateException("object " + ref.number + " written twice");
        }
        offsets[ref.number] = out.size();
        ascii(ref.number + " 0 obj\n");
    }

    private void value(COSBase value) {
        try {
            if (value instanceof Ref ref) {
                ascii(ref.number + " 0 R");
            } else if (value instanceof COSDictionary dictionary) {
                ascii("<<");
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    entry.getKey().writePDF(out);
                    out.write(' ');
                    value(entry.getValue());
                    out.write(' ');
                }
                ascii(">>");
            } else if (value instanceof COSArray array) {
                out.write('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.write(' ');
                    }
                    value(array.get(i));
                }
                out.write(']');
            } else if (value instanceof COSName name) {
                name.writePDF(out);
            } else if (value instanceof COSString string) {
                COSWriter.writeString(string, out);
            } else if (value instanceof COSInteger integer) {
                integer.writePDF(out);
            } else if (value instanceof COSFloat number) {
                number.writePDF(out);
            } else if (value instanceof COSBoolean bool) {
                bool.writePDF(out);
            } else if (value == null || value instanceof COSNull) {
                ascii("null");
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " directly; write it as an object");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    /** The file's bytes so far: a growing array, unsynchronised, whose bytes are not copied again at the end if they fill it. */
    private static final class Output extends OutputStream {
        private byte[] buf = new byte[64 * 1024];
        private int count;

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        int size() {
            return count;
        }

        byte[] toByteArray() {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
    }
}
