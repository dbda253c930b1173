package io.steppe.coverage.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws the map into an image with Java2D (headless) and encodes it as PNG. */
final class PngCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.decode("#f3f1ea"));
        g.fillRect(0, 0, width, height);
    }

    @Override
    public void polygon(double[][] rings, String fill, double fillOpacity, String stroke, double strokeWidth, String layer) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                if (i == 0) {
                    path.moveTo(ring[i], ring[i + 1]);
                } else {
                    path.lineTo(ring[i], ring[i + 1]);
                }
            }
            path.closePath();
        }
        if (fillOpacity > 0) {
            g.setColor(colour(fill, fillOpacity));
            g.fill(path);
        }
        if (strokeWidth > 0) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(path);
        }
    }

    @Override
    public void polyline(double[] xy, String stroke, double width, String layer) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        g.setColor(Color.decode(stroke));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    @Override
    public void circle(double x, double y, double r, String fill, String layer) {
        g.setColor(Color.decode(fill));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    @Override
    public void text(double x, double y, String text, int size, String colour, String layer) {
        g.setColor(Color.decode(colour));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        g.drawString(text, (float) x, (float) y);
    }

    byte[] finish() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Color colour(String hex, double opacity) {
        Color c = Color.decode(hex);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255));
    }
}
