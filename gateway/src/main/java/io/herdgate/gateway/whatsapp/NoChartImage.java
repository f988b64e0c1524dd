package io.herdgate.gateway.whatsapp;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The picture an image-header template carries when no chart can be drawn (a template with an image
 * header cannot be sent without one): a grey card with empty axes.
 */
final class NoChartImage {

    private static final byte[] PNG = draw();

    private NoChartImage() {
    }

    static byte[] png() {
        return PNG.clone();
    }

    private static byte[] draw() {
        BufferedImage image = new BufferedImage(800, 418, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xEEEEEE));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            // Empty axes and a dashed flat line: no text, so no fonts are needed on a headless Pi.
            g.setColor(new Color(0x666666));
            g.setStroke(new BasicStroke(4));
            g.drawLine(60, 40, 60, 370);
            g.drawLine(60, 370, 760, 370);
            g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {20, 16}, 0));
            g.drawLine(60, 205, 760, 205);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the no-chart image", e);
        }
        return out.toByteArray();
    }
}
