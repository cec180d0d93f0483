package org.followthrough.render.pdf.typeset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/** Makes the Flate-compressed streams of one document (page contents, fonts, metadata) with one reused compressor. */
final class PdfStreams implements AutoCloseable {

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final byte[] buffer = new byte[32 * 1024];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);

    COSStream flate(byte[] data) {
        return flate(data, data.length);
    }

    /** A stream of the first {@code length} bytes of {@code data}, compressed. */
    COSStream flate(byte[] data, int length) {
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        out.reset();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        COSStream stream = raw(out.toByteArray());
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return stream;
    }

    /** A stream of these bytes as they are. */
    static COSStream raw(byte[] data) {
        COSStream stream = new COSStream();
        try (OutputStream o = stream.createRawOutputStream()) {
            o.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stream;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
