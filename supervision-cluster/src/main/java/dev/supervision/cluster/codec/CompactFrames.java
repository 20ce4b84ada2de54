package dev.supervision.cluster.codec;

import dev.supervision.process.Pid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The frames of the hot path (a message, a call, its reply) in a fixed binary layout instead of
 * Smile: a tag byte, the frame's fields, then the payload's bytes as they are (already encoded once).
 * A Smile document starts with its header ({@code :)\n}), whose first byte no tag here uses, so a
 * reader tells the two apart by the first byte. Every read is bounds-checked: damaged bytes end as
 * {@link UndecodableException}, never as anything else.
 *
 * <p>Layout: {@code Send: 1, target, payload}; {@code Call: 2, id, caller, target, payload};
 * {@code Reply: 3, id, payload}. A target is a pid then a name, each optional (a presence byte, 0 or
 * 1); a pid is its node's name, incarnation, serial and creation ({@link WirePid}); a name or node is
 * a length (unsigned varint) and UTF-8; numbers are 8 bytes big-endian (the creation 4).
 */
final class CompactFrames {

    static final byte SEND = 1;
    static final byte CALL = 2;
    static final byte REPLY = 3;

    private final PidTranslator translator;

    CompactFrames(PidTranslator translator) {
        this.translator = translator;
    }

    /** Whether {@code frame} has a compact form. */
    static boolean covers(Frame frame) {
        return switch (frame) {
            case Frame.Send send -> send.payload() != null;
            case Frame.Call call -> call.payload() != null;
            case Frame.Reply reply -> reply.payload() != null;
            default -> false;
        };
    }

    /** Whether the frame at {@code offset} is in the compact form. */
    static boolean isCompact(byte[] bytes, int offset, int length) {
        return length > 0 && bytes[offset] >= SEND && bytes[offset] <= REPLY;
    }

    /** The compact bytes of a frame that {@link #covers} accepts. */
    byte[] encode(Frame frame) {
        Writer out = new Writer();
        switch (frame) {
            case Frame.Send send -> {
                out.put(SEND);
                target(out, send.pid(), send.name());
                out.put(send.payload());
            }
            case Frame.Call call -> {
                out.put(CALL);
                out.putLong(call.id());
                pid(out, call.caller());
                target(out, call.pid(), call.name());
                out.put(call.payload());
            }
            case Frame.Reply reply -> {
                out.put(REPLY);
                out.putLong(reply.id());
                out.put(reply.payload());
            }
            default -> throw new IllegalArgumentException("no compact form for " + frame.getClass().getSimpleName());
        }
        return out.bytes();
    }

    /** The frame in compact bytes ({@link #isCompact}). */
    Frame decode(byte[] bytes, int offset, int length) throws UndecodableException {
        Reader in = new Reader(bytes, offset, length);
        byte tag = in.get();
        return switch (tag) {
            case SEND -> {
                Pid pid = pid(in);
                String name = in.optionalString();
                yield new Frame.Send(pid, name, in.rest());
            }
            case CALL -> {
                long id = in.getLong();
                Pid caller = pid(in);
                Pid pid = pid(in);
                String name = in.optionalString();
                yield new Frame.Call(id, caller, pid, name, in.rest());
            }
            case REPLY -> {
                long id = in.getLong();
                yield new Frame.Reply(id, in.rest());
            }
            default -> throw new UndecodableException(null, "not a compact frame: tag " + tag, null);
        };
    }

    private void target(Writer out, Pid pid, String name) {
        pid(out, pid);
        out.putOptionalString(name);
    }

    private void pid(Writer out, Pid pid) {
        if (pid == null) {
            out.put((byte) 0);
            return;
        }
        WirePid wire = translator.toWire(pid);
        out.put((byte) 1);
        out.putString(wire.node());
        out.putLong(wire.incarnation());
        out.putLong(wire.serial());
        out.putInt(wire.creation());
    }

    private Pid pid(Reader in) throws UndecodableException {
        if (!in.present()) {
            return null;
        }
        String node = in.string();
        long incarnation = in.getLong();
        long serial = in.getLong();
        int creation = in.getInt();
        try {
            return translator.fromWire(new WirePid(node, incarnation, serial, creation));
        } catch (RuntimeException e) {
            throw new UndecodableException(null, "bad pid: " + e.getMessage(), e);
        }
    }

    /** A growing byte array. */
    private static final class Writer {
        private byte[] bytes = new byte[64];
        private int size;

        void put(byte value) {
            room(1);
            bytes[size++] = value;
        }

        void put(byte[] values) {
            room(values.length);
            System.arraycopy(values, 0, bytes, size, values.length);
            size += values.length;
        }

        void putLong(long value) {
            putBigEndian(value, 8);
        }

        void putInt(int value) {
            putBigEndian(value, 4);
        }

        private void putBigEndian(long value, int count) {
            room(count);
            for (int shift = (count - 1) * 8; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int rest = utf8.length;
            while ((rest & ~0x7f) != 0) {
                put((byte) ((rest & 0x7f) | 0x80));
                rest >>>= 7;
            }
            put((byte) rest);
            put(utf8);
        }

        void putOptionalString(String value) {
            put((byte) (value == null ? 0 : 1));
            if (value != null) {
                putString(value);
            }
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Bounds-checked reads from a frame's bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;

        Reader(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.at = offset;
            this.end = offset + length;
        }

        private void need(int count) throws UndecodableException {
            if (count < 0 || count > end - at) {
                throw new UndecodableException(null, "a compact frame ends early (" + count + " bytes wanted, "
                        + (end - at) + " left)", null);
            }
        }

        byte get() throws UndecodableException {
            need(1);
            return bytes[at++];
        }

        boolean present() throws UndecodableException {
            byte flag = get();
            if (flag != 0 && flag != 1) {
                throw new UndecodableException(null, "a compact frame's presence byte is " + flag, null);
            }
            return flag == 1;
        }

        long getLong() throws UndecodableException {
            return bigEndian(8);
        }

        int getInt() throws UndecodableException {
            return (int) bigEndian(4);
        }

        private long bigEndian(int count) throws UndecodableException {
            need(count);
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 8) | (bytes[at++] & 0xff);
            }
            return value;
        }

        String string() throws UndecodableException {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 28) {
                    throw new UndecodableException(null, "a compact frame's string length is malformed", null);
                }
                byte next = get();
                length |= (next & 0x7f) << shift;
                if (next >= 0) {
                    break;
                }
            }
            need(length);
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        String optionalString() throws UndecodableException {
            return present() ? string() : null;
        }

        byte[] rest() {
            byte[] rest = Arrays.copyOfRange(bytes, at, end);
            at = end;
            return rest;
        }
    }
}
