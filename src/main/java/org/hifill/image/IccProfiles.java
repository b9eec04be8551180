package org.hifill.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Embedded ICC profiles in the ImageIO metadata trees of JPEG and PNG. JPEG keeps the profile as an
 * {@code app2ICC} node (an {@link ICC_Profile} as user object) under {@code app0JFIF}; PNG keeps the
 * iCCP chunk's zlib-compressed bytes as the user object of an {@code iCCP} node, and the JDK's PNG
 * writer copies them to the file as they are.
 */
final class IccProfiles {

    private static final String JPEG_TREE = "javax_imageio_jpeg_image_1.0";
    private static final String PNG_TREE = "javax_imageio_png_1.0";

    private IccProfiles() {
    }

    static boolean isSRgb(ICC_Profile p) {
        return Arrays.equals(p.getData(), ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    }

    /** The profile of a JPEG's APP2 segments, or {@code null}. */
    static ICC_Profile fromJpeg(IIOMetadata metadata) {
        Node icc = find(metadata.getAsTree(JPEG_TREE), "app2ICC");
        return icc instanceof IIOMetadataNode n && n.getUserObject() instanceof ICC_Profile p ? p : null;
    }

    /** The profile of a PNG's iCCP chunk, or {@code null} (also when it cannot be decoded: it is then ignored). */
    static ICC_Profile fromPng(IIOMetadata metadata) {
        Node icc = find(metadata.getAsTree(PNG_TREE), "iCCP");
        if (!(icc instanceof IIOMetadataNode n && n.getUserObject() instanceof byte[] compressed)) {
            return null;
        }
        try (var in = new InflaterInputStream(new ByteArrayInputStream(compressed))) {
            return ICC_Profile.getInstance(in.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Adds the profile to JPEG metadata with a JFIF segment (a grey or YCbCr image). */
    static void embedInJpeg(IIOMetadata metadata, ICC_Profile profile) throws IIOInvalidTreeException {
        Node root = metadata.getAsTree(JPEG_TREE);
        Node jfif = find(root, "app0JFIF");
        if (jfif == null) {
            throw new IllegalArgumentException("JPEG metadata without a JFIF segment");
        }
        // The writer's default metadata for an image in an ICC colour space may hold an app2ICC
        // node already; a second one makes it fail ("> 1 ICC APP2 Marker Segment not supported").
        Node existing = find(jfif, "app2ICC");
        IIOMetadataNode icc = existing instanceof IIOMetadataNode node ? node : new IIOMetadataNode("app2ICC");
        icc.setUserObject(profile);
        if (existing == null) {
            jfif.appendChild(icc);
        }
        metadata.setFromTree(JPEG_TREE, root);
    }

    static void embedInPng(IIOMetadata metadata, ICC_Profile profile) throws IIOInvalidTreeException {
        IIOMetadataNode root = new IIOMetadataNode(PNG_TREE);
        IIOMetadataNode icc = new IIOMetadataNode("iCCP");
        icc.setAttribute("profileName", "ICC profile");
        icc.setAttribute("compressionMethod", "deflate");
        icc.setUserObject(deflate(profile.getData()));
        root.appendChild(icc);
        metadata.mergeTree(PNG_TREE, root);
    }

    private static byte[] deflate(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
