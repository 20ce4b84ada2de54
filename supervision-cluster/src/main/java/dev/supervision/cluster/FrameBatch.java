package dev.supervision.cluster;

import java.util.List;

/**
 * How several frames share one JGroups message: each frame's bytes after its length, as an unsigned
 * varint (seven bits a byte, low bits first). A message holds one frame or many; the receiver reads them
 * in the order they were written, which is the order they were sent.
 */
final class FrameBatch {

    /** What a message's frames are handed to, one at a time. */
    interface Sink {
        /** The frame at {@code offset}, {@code length} bytes long, in {@code bytes}. */
        void frame(byte[] bytes, int offset, int length);
    }

    private FrameBatch() {
    }

    /** The frames in {@code frames}, each after its length, as one array. */
    static byte[] join(List<byte[]> frames) {
        int size = 0;
        for (byte[] frame : frames) {
            size += lengthOfVarint(frame.length) + frame.length;
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (byte[] frame : frames) {
            at = writeVarint(joined, at, frame.length);
            System.arraycopy(frame, 0, joined, at, frame.length);
            at += frame.length;
        }
        return joined;
    }

    /**
     * Hands each frame of a message to {@code sink}, in order.
     *
     * @throws IllegalArgumentException when a length is malformed or runs past the message (frames
     *     before it have been handed on; what follows it is not readable)
     */
    static void split(byte[] bytes, int offset, int length, Sink sink) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int frameLength = 0;
            int shift = 0;
            while (true) {
                if (at >= end || shift > 28) {
                    throw new IllegalArgumentException("a frame length is malformed at byte " + (at - offset));
                }
                byte next = bytes[at++];
                frameLength |= (next & 0x7f) << shift;
                if (next >= 0) {
                    break;
                }
                shift += 7;
            }
            if (frameLength < 0 || frameLength > end - at) {
                throw new IllegalArgumentException("a frame of " + frameLength + " bytes runs past the message ("
                        + (end - at) + " bytes left)");
            }
            sink.frame(bytes, at, frameLength);
            at += frameLength;
        }
    }

    private static int lengthOfVarint(int value) {
        int bytes = 1;
        while ((value >>>= 7) != 0) {
            bytes++;
        }
        return bytes;
    }

    private static int writeVarint(byte[] into, int at, int value) {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            into[at++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        into[at++] = (byte) rest;
        return at;
    }
}
