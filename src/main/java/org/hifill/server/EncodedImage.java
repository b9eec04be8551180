package org.hifill.server;

/** A result photo, encoded in full before anything is sent. */
record EncodedImage(byte[] bytes, String mediaType) {}
