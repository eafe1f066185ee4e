package org.venula.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.venula.support.PhonePhotos;

/** What a phone leaves in a photo, and what Venula keeps of it. */
class PhotoMetadataTest {

    @Test
    void gpsMakeAndModelAreRemovedAndTheOrientationKept() throws Exception {
        byte[] original = PhonePhotos.jpeg(40, 20, 6);
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(original);
        assertThat(before.getExif().getGpsInfo()).isNotNull();

        PhotoMetadata.Cleaned cleaned = PhotoMetadata.clean(original, "image/jpeg");

        ImageMetadata after = Imaging.getMetadata(cleaned.bytes());
        assertThat(cleaned.orientation()).isEqualTo(6);
        assertThat(after).isInstanceOf(JpegImageMetadata.class);
        JpegImageMetadata jpeg = (JpegImageMetadata) after;
        assertThat(jpeg.getExif().getGpsInfo()).isNull();
        assertThat(jpeg.findExifValue(TiffTagConstants.TIFF_TAG_MAKE)).isNull();
        assertThat(jpeg.findExifValue(TiffTagConstants.TIFF_TAG_MODEL)).isNull();
        assertThat(jpeg.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue()).isEqualTo(6);
        assertThat(new String(cleaned.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Phone");
        // the compressed picture itself is untouched: the bytes from the first quantisation table on are the same
        assertThat(tail(cleaned.bytes())).isEqualTo(tail(original));
    }

    @Test
    void anUprightPhotoKeepsNoExifAtAll() throws Exception {
        PhotoMetadata.Cleaned cleaned = PhotoMetadata.clean(PhonePhotos.jpeg(30, 30, 1), "image/jpeg");
        ImageMetadata after = Imaging.getMetadata(cleaned.bytes());
        assertThat(after == null || ((JpegImageMetadata) after).getExif() == null).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(cleaned.bytes())).getWidth()).isEqualTo(30);
    }

    /** Each EXIF orientation turned upright: where the red (left) half of a 4 × 2 picture ends up. */
    @ParameterizedTest(name = "orientation {0}: {1} x {2}, red at ({3},{4})")
    @CsvSource({
            "1, 4, 2, 0, 0",
            "2, 4, 2, 3, 0",
            "3, 4, 2, 3, 1",
            "4, 4, 2, 0, 1",
            "5, 2, 4, 0, 0",
            "6, 2, 4, 1, 0",
            "7, 2, 4, 1, 3",
            "8, 2, 4, 0, 3"})
    void everyOrientationIsTurnedUpright(int orientation, int width, int height, int redX, int redY) {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        BufferedImage upright = PhotoMetadata.upright(image, orientation);
        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        assertThat(upright.getRGB(redX, redY) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void aPngIsWrittenAgainWithoutItsTextChunks() throws Exception {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] withText = withTextChunk(png.toByteArray(), "Location", "51.5072 N");
        byte[] cleaned = PhotoMetadata.clean(withText, "image/png").bytes();
        assertThat(new String(cleaned, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Location");
        assertThat(ImageIO.read(new ByteArrayInputStream(cleaned)).getWidth()).isEqualTo(10);
    }

    private static byte[] tail(byte[] jpeg) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDB) {
                return Arrays.copyOfRange(jpeg, i, jpeg.length);
            }
        }
        throw new AssertionError("no quantisation table");
    }

    private static byte[] withTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        crc.update(data);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(data)
                .putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, then the IHDR chunk
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, afterHeader);
        System.arraycopy(chunk.array(), 0, out, afterHeader, chunk.capacity());
        System.arraycopy(png, afterHeader, out, afterHeader + chunk.capacity(), png.length - afterHeader);
        return out;
    }
}
