package org.hifill.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import nu.pattern.OpenCV;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Measures decoding and encoding of an 8192x8192 photo-like image (gradients, noise, edges) as JPEG
 * (quality 95) and PNG with ImageIO + TwelveMonkeys (through {@link PhotoReader} and
 * {@link PhotoWriter}) and with OpenCV's Java bindings, counting the copy between a {@code Mat} and
 * a {@code BufferedImage}. One case per JVM, so that {@code /usr/bin/time -v} gives each its peak
 * memory:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * CP=target/test-classes:target/classes:$(cat target/cp.txt)
 * java -cp $CP org.hifill.image.CodecComparison generate /tmp/codecs
 * for c in imageio-decode-jpeg opencv-decode-jpeg imageio-encode-jpeg opencv-encode-jpeg \
 *          imageio-decode-png opencv-decode-png imageio-encode-png opencv-encode-png; do
 *   /usr/bin/time -v java -Xmx4g -cp $CP org.hifill.image.CodecComparison $c /tmp/codecs 2>&amp;1 \
 *     | grep -E 'median|Maximum resident'
 * done
 * </pre>
 *
 * Each case runs once to warm up, then 5 times; the median is printed. A third argument sets the
 * number of runs: with 1 there is no warm-up, and the peak memory is that of a single decode or encode.
 */
public final class CodecComparison {

    private static final int SIZE = 8192;

    private CodecComparison() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        Path dir = Path.of(args[1]);
        if (what.equals("generate")) {
            Files.createDirectories(dir);
            BufferedImage photo = syntheticPhoto(SIZE, SIZE);
            PhotoWriter.write(photo, dir.resolve("photo.jpg"), WriteOptions.defaults());
            ImageIO.write(photo, "png", dir.resolve("photo.png").toFile());
            return;
        }
        if (what.startsWith("opencv")) {
            OpenCV.loadLocally();
        }
        String format = what.endsWith("jpeg") ? "jpg" : "png";
        Path source = dir.resolve("photo." + format);
        Path target = dir.resolve("out-" + what + "." + format);
        BufferedImage photo = what.contains("encode") ? PhotoReader.read(source).image() : null;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long[] ms = new long[runs];
        for (int run = runs > 1 ? -1 : 0; run < runs; run++) {
            long start = System.nanoTime();
            switch (what.substring(0, what.lastIndexOf('-'))) {
                case "imageio-decode" -> PhotoReader.read(source);
                case "opencv-decode" -> openCvDecode(source);
                case "imageio-encode" -> PhotoWriter.write(photo, target, WriteOptions.defaults());
                case "opencv-encode" -> openCvEncode(photo, target);
                default -> throw new IllegalArgumentException(what);
            }
            if (run >= 0) {
                ms[run] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        System.out.println(what + " median " + ms[runs / 2] + " ms, runs " + Arrays.toString(ms)
                + (Files.exists(target) ? ", " + Files.size(target) / 1024 + " KiB" : ""));
    }

    /** Decoded by OpenCV and copied into a BufferedImage of the same BGR byte layout. */
    private static BufferedImage openCvDecode(Path file) {
        Mat mat = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        var image = new BufferedImage(mat.cols(), mat.rows(), BufferedImage.TYPE_3BYTE_BGR);
        mat.get(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        mat.release();
        return image;
    }

    private static void openCvEncode(BufferedImage image, Path file) {
        var mat = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC3);
        mat.put(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        var params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95);
        if (!Imgcodecs.imwrite(file.toString(), mat, params)) {
            throw new IllegalStateException("OpenCV could not write " + file);
        }
        mat.release();
    }

    /** Smooth gradients, sensor-like noise and hard-edged shapes: compresses like a photo, not like a test card. */
    static BufferedImage syntheticPhoto(int w, int h) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long seed = 0x9E3779B97F4A7C15L;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                seed ^= seed << 13;
                seed ^= seed >>> 7;
                seed ^= seed << 17;
                int noise = (int) (seed & 15) - 8;
                boolean shape = ((x / 700 + y / 500) & 3) == 0 && (x % 700) < 450
                        || Math.hypot(x - w * 0.6, y - h * 0.4) < w * 0.15;
                int r = 40 + 160 * x / w + (shape ? 50 : 0);
                int g = 30 + 180 * y / h - (shape ? 20 : 0);
                int b = 200 - 150 * (x + y) / (w + h);
                int i = (y * w + x) * 3;
                bgr[i] = (byte) clamp(b + noise);
                bgr[i + 1] = (byte) clamp(g + noise);
                bgr[i + 2] = (byte) clamp(r + noise);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
