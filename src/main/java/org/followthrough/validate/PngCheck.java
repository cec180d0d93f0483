package org.followthrough.validate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Accepts a PNG logo only if its bytes are a whole, well-formed PNG: the signature, every chunk
 * with its checksum, nothing after the end, and image data that decodes. A file is judged by what
 * it holds, not by its name: a server sends {@code logo.png} as an image whatever is inside.
 */
final class PngCheck {

    /** Far more than a header shows; a bound on what decoding the logo, here and in readers' browsers, may cost. */
    static final int MAX_SIDE = 4096;

    /** Decoding checks every byte of the image data but keeps at most this many pixels a side in memory. */
    private static final int DECODED_SIDE = 256;

    private final String display;
    private final Problems problems;

    private PngCheck(String display, Problems problems) {
        this.display = display;
        this.problems = problems;
    }

    static void check(String display, byte[] bytes, Problems problems) {
        new PngCheck(display, problems).check(bytes);
    }

    private void check(byte[] bytes) {
        String kind = ImageKind.sniff(bytes);
        if (!"PNG".equals(kind)) {
            notAPng(bytes, kind);
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(ImageKind.PNG_SIGNATURE.length);
        int width = 0;
        int height = 0;
        boolean first = true;
        boolean imageData = false;
        while (true) {
            if (in.remaining() < 12) {
                refuse("the PNG is cut short: it ends before its IEND chunk", "export the logo again; the file may not have been copied whole");
                return;
            }
            long length = Integer.toUnsignedLong(in.getInt());
            byte[] typeBytes = new byte[4];
            in.get(typeBytes);
            String type = new String(typeBytes, US_ASCII);
            if (length > in.remaining() - 4) {
                refuse("the PNG is cut short or damaged: its '" + printable(type) + "' chunk runs past the end of the file",
                        "export the logo again; the file may not have been copied whole");
                return;
            }
            byte[] data = new byte[(int) length];
            in.get(data);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            if ((int) crc.getValue() != in.getInt()) {
                refuse("the PNG is damaged: the checksum of its '" + printable(type) + "' chunk is wrong", "export the logo again");
                return;
            }
            if (first && (!type.equals("IHDR") || length != 13)) {
                refuse("the PNG is damaged: it does not start with its IHDR header", "export the logo again");
                return;
            }
            if (first) {
                width = ByteBuffer.wrap(data).getInt();
                height = ByteBuffer.wrap(data).getInt(4);
            }
            first = false;
            imageData |= type.equals("IDAT");
            if (type.equals("IEND")) {
                break;
            }
        }
        if (in.hasRemaining()) {
            refuse("the file holds " + in.remaining() + " bytes after the end of the PNG image",
                    "export the logo again; data hidden after an image can be read as something else");
            return;
        }
        if (!imageData) {
            refuse("the PNG holds no image data (no IDAT chunk)", "export the logo again");
            return;
        }
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            refuse("the PNG is " + Integer.toUnsignedString(width) + " × " + Integer.toUnsignedString(height) + " pixels; a logo may be at most "
                    + MAX_SIDE + " pixels a side", "scale it down: the site shows it a few dozen pixels high");
            return;
        }
        decode(bytes, width, height);
    }

    /** Decodes the whole image, sampled down so that memory stays small, to be sure its data is a picture. */
    private void decode(byte[] bytes, int width, int height) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            return; // the JDK always has one; without it, the checks above are what can be done
        }
        ImageReader reader = readers.next();
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(stream, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / DECODED_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            refuse("the PNG's image data is damaged and cannot be decoded"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), "export the logo again");
        } finally {
            reader.dispose();
        }
    }

    private void notAPng(byte[] bytes, String kind) {
        if (bytes.length == 0) {
            refuse("the file is empty, not a PNG image", "export the logo as PNG or SVG into this file");
        } else if (kind != null) {
            refuse("this is a " + kind + " image, not a PNG", "export the logo as PNG (or SVG); renaming a file does not convert it");
        } else if (looksLikeXml(bytes)) {
            refuse("this is text (an SVG?), not a PNG image", "if it is an SVG, name it with the extension .svg and write that name after logo:");
        } else {
            refuse("this is not a PNG image: it does not start with a PNG's signature",
                    "export the logo as PNG (or SVG); renaming a file does not convert it");
        }
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 256), java.nio.charset.StandardCharsets.UTF_8);
        return start.replace("\uFEFF", "").stripLeading().startsWith("<");
    }

    private static String printable(String type) {
        return type.matches("[A-Za-z]{4}") ? type : "?";
    }

    private void refuse(String message, String hint) {
        problems.error(Location.of(display), message, hint);
    }
}
