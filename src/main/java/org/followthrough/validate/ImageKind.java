package org.followthrough.validate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;

/** What kind of image a file's first bytes say it is, whatever its name says. */
final class ImageKind {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageKind() {
    }

    /** "PNG", "JPEG", "GIF", "WebP", "BMP" or "TIFF" for a raster image; null for anything else, text included. */
    static String sniff(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return "PNG";
        }
        if (startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "JPEG";
        }
        if (startsWith(bytes, "GIF8".getBytes(US_ASCII))) {
            return "GIF";
        }
        if (startsWith(bytes, "RIFF".getBytes(US_ASCII)) && bytes.length >= 12
                && new String(bytes, 8, 4, US_ASCII).equals("WEBP")) {
            return "WebP";
        }
        if (startsWith(bytes, "BM".getBytes(US_ASCII))) {
            return "BMP";
        }
        if (startsWith(bytes, "II*\0".getBytes(US_ASCII))
                || startsWith(bytes, "MM\0*".getBytes(US_ASCII))) {
            return "TIFF";
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
