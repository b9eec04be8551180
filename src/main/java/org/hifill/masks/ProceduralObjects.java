package org.hifill.masks;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;
import org.hifill.pipeline.HoleMask;

/**
 * Object-shaped holes drawn from scratch, so that training needs no template files: a scene of
 * silhouettes (people, four-legged animals, poles with signs or lamps, vehicles and irregular
 * blobs) at random places and sizes, added until they cover 8% to 28% of the frame, then placed
 * like a template ({@link ObjectPlacement}). It stands in for the release's templates, which are
 * scenes of object segmentations of about that coverage (16% to 25% for the 100 templates).
 */
public final class ProceduralObjects implements ObjectMasks {

    private static final int KINDS = 5;

    @Override
    public HoleMask random(int size, Random random) {
        MaskCanvas canvas = new MaskCanvas(size, size);
        double target = 0.08 + 0.2 * random.nextDouble();
        while (canvas.share() < target) {
            Shape unit = switch (random.nextInt(KINDS)) {
                case 0 -> person(random);
                case 1 -> animal(random);
                case 2 -> pole(random);
                case 3 -> vehicle(random);
                default -> blob(random);
            };
            double height = size * (0.2 + 0.4 * random.nextDouble());
            AffineTransform place = AffineTransform.getTranslateInstance(random.nextDouble() * size,
                    random.nextDouble() * size);
            place.rotate(Math.toRadians(-10 + 20 * random.nextDouble()));
            place.scale(random.nextBoolean() ? -height : height, height);
            canvas.fill(place.createTransformedShape(unit));
        }
        return ObjectPlacement.random(random).render(canvas.toHoleMask(), size);
    }

    // The silhouettes are about one unit tall (or long), centred on the origin, y pointing down.

    /** Head, torso, two legs in a random stride and two arms at random angles. */
    private static Shape person(Random random) {
        double width = 0.8 + 0.5 * random.nextDouble();
        Area body = new Area(new Ellipse2D.Double(-0.065, -0.5, 0.13, 0.15));
        body.add(new Area(rounded(-0.12 * width, -0.34, 0.24 * width, 0.4, 0.08)));
        for (int side = -1; side <= 1; side += 2) {
            double hip = side * 0.06 * width;
            body.add(limb(hip, 0.02, 0.1 * width, 0.48, side * 20 * random.nextDouble()));
            double shoulder = side * 0.13 * width;
            body.add(limb(shoulder, -0.32, 0.06, 0.36, side * (-20 + 80 * random.nextDouble())));
        }
        return body;
    }

    /** Body, neck and head, four legs and a tail, in random proportions. */
    private static Shape animal(Random random) {
        double length = 0.32 * (0.8 + 0.4 * random.nextDouble());
        double legs = 0.27 * (0.7 + 0.6 * random.nextDouble());
        Area body = new Area(new Ellipse2D.Double(-length, -0.14, 2 * length, 0.28));
        body.add(limb(length * 0.8, -0.02, 0.09, 0.22, 135 + 30 * random.nextDouble()));
        body.add(new Area(new Ellipse2D.Double(length * 0.8 + 0.04, -0.3, 0.2, 0.13)));
        for (double x : new double[] {-0.75, -0.5, 0.5, 0.75}) {
            body.add(limb(x * length, 0.05, 0.06, legs, -10 + 20 * random.nextDouble()));
        }
        body.add(limb(-length, -0.03, 0.03, 0.2, 30 + 60 * random.nextDouble()));
        return body;
    }

    /** A post with a sign, a lamp on an arm, a cross bar, or nothing. */
    private static Shape pole(Random random) {
        double width = 0.03 + 0.03 * random.nextDouble();
        Area pole = new Area(rounded(-width / 2, -0.5, width, 1, width));
        switch (random.nextInt(4)) {
            case 0 -> pole.add(new Area(rounded(-0.15, -0.5, 0.3, 0.15 + 0.1 * random.nextDouble(), 0.02)));
            case 1 -> {
                pole.add(new Area(rounded(0, -0.5, 0.25, 0.025, 0.02)));
                pole.add(new Area(new Ellipse2D.Double(0.18, -0.5, 0.1, 0.07)));
            }
            case 2 -> pole.add(new Area(rounded(-0.2, -0.42, 0.4, 0.03, 0.02)));
            default -> { }
        }
        return pole;
    }

    /** A body, a cabin and two wheels. */
    private static Shape vehicle(Random random) {
        double height = 0.25 + 0.1 * random.nextDouble();
        Area car = new Area(rounded(-0.5, -height / 2, 1, height, 0.1));
        double cabin = 0.4 + 0.2 * random.nextDouble();
        car.add(new Area(rounded(-cabin / 2 - 0.05, -height / 2 - 0.18, cabin, 0.22, 0.1)));
        for (double x : new double[] {-0.3, 0.3}) {
            car.add(new Area(new Ellipse2D.Double(x - 0.1, height / 2 - 0.1, 0.2, 0.2)));
        }
        return car;
    }

    /**
     * An ellipse whose radius is perturbed by a few random low harmonics (a random Fourier
     * series), for rocks, bushes, puddles and stains.
     */
    private static Shape blob(Random random) {
        int harmonics = 5;
        double[] amplitude = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            amplitude[k] = random.nextDouble() * 0.3 / (k + 1);
            phase[k] = random.nextDouble() * 2 * Math.PI;
        }
        double squash = 0.4 + 0.6 * random.nextDouble();
        Path2D.Double outline = new Path2D.Double();
        int points = 72;
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            double r = 0.4;
            for (int k = 0; k < harmonics; k++) {
                r += 0.4 * amplitude[k] * Math.cos((k + 2) * t + phase[k]);
            }
            double x = r * Math.cos(t);
            double y = r * squash * Math.sin(t);
            if (i == 0) {
                outline.moveTo(x, y);
            } else {
                outline.lineTo(x, y);
            }
        }
        outline.closePath();
        return outline;
    }

    private static Shape rounded(double x, double y, double w, double h, double arc) {
        return new RoundRectangle2D.Double(x, y, w, h, arc, arc);
    }

    /** A rounded bar of the given width and length hanging from (x, y), turned by the angle (degrees). */
    private static Area limb(double x, double y, double width, double length, double degrees) {
        Shape bar = rounded(-width / 2, 0, width, length, width);
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(Math.toRadians(degrees));
        return new Area(at.createTransformedShape(bar));
    }
}
