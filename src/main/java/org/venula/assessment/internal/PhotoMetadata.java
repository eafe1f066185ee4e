package org.venula.assessment.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Removes what a phone writes into a photo besides the picture: EXIF (GPS position, device, serial numbers, time),
 * XMP and IPTC. A JPEG keeps its compressed picture untouched (no loss) and, when it was taken turned, a new EXIF
 * block holding only the orientation, so it still shows upright; a PNG is written again without its text chunks.
 * When a JPEG's metadata cannot be parsed, the picture is decoded and encoded again, which removes everything.
 */
public final class PhotoMetadata {

    /** The photo without its metadata, and the EXIF orientation (1 to 8; 1 when upright or unknown). */
    public record Cleaned(byte[] bytes, int orientation) {
    }

    private PhotoMetadata() {
    }

    public static Cleaned clean(byte[] bytes, String contentType) {
        if ("image/png".equals(contentType)) {
            return new Cleaned(encode(decode(bytes), "png"), 1);
        }
        int orientation = orientation(bytes);
        try {
            byte[] out = strip(bytes);
            if (orientation != 1) {
                TiffOutputSet only = new TiffOutputSet();
                only.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
                ByteArrayOutputStream with = new ByteArrayOutputStream(out.length + 64);
                new ExifRewriter().updateExifMetadataLossless(out, with, only);
                out = with.toByteArray();
            }
            return new Cleaned(out, orientation);
        } catch (IOException | RuntimeException e) {
            return new Cleaned(encode(upright(decode(bytes), orientation), "jpg"), 1);
        }
    }

    /** The picture turned as the orientation says, for thumbnails and stored dimensions. */
    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(rgb(image), out);
        return out;
    }

    static int orientation(byte[] jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            if (metadata instanceof JpegImageMetadata m) {
                TiffField field = m.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION);
                int value = field == null ? 1 : field.getIntValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            // no readable EXIF: upright
        }
        return 1;
    }

    private static byte[] strip(byte[] jpeg) throws IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(jpeg.length);
        new ExifRewriter().removeExifMetadata(jpeg, noExif);
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(jpeg.length);
        new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(jpeg.length);
        new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc, true);
        return noIptc.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        return rgb;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write("jpg".equals(format) ? rgb(image) : image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
