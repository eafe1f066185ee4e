package org.venula.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos as phones write them, for the tests of what Venula keeps. */
public final class PhonePhotos {

    private PhonePhotos() {
    }

    /** A JPEG such as a phone writes: EXIF with GPS (51°30′N, 0°7′W), make and model, and an orientation. */
    public static byte[] jpeg(int width, int height, int orientation) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, x < width / 2 ? 0xCC2222 : 0x2222CC);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "Phone 15");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        exif.setGpsInDegrees(-0.1275, 51.5072);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
        return out.toByteArray();
    }

}
