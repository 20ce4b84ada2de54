package dev.supervision.cluster.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * Turns frames and payloads into bytes and back, with Jackson's Smile format (binary JSON; the choice
 * is argued in docs/distribution.md). Every value whose declared type is {@code Object} or not concrete
 * carries its class name, and only names on the {@link Allowlist} are ever resolved, so no byte
 * sequence can make this node load or build a type it did not list. Thread-safe.
 */
public final class MessageCodec {

    private final ObjectWriter frameWriter;
    private final ObjectReader frameReader;
    private final ObjectWriter payloadWriter;
    private final ObjectReader payloadReader;
    private final CompactFrames compact;

    /** A codec that maps pids with {@code translator} and decodes only what {@code allowlist} allows. */
    public MessageCodec(PidTranslator translator, Allowlist allowlist) {
        SmileMapper mapper = SmileMapper.builder()
                .addModule(new PidModule(translator))
                .activateDefaultTyping(new AllowlistValidator(allowlist), DefaultTyping.OBJECT_AND_NON_CONCRETE)
                .build();
        frameWriter = mapper.writerFor(Frame.class);
        frameReader = mapper.readerFor(Frame.class);
        payloadWriter = mapper.writerFor(Object.class);
        payloadReader = mapper.readerFor(Object.class);
        compact = new CompactFrames(translator);
    }

    /**
     * The bytes of a frame: a message, a call or a reply in a fixed binary layout around its payload's
     * bytes (the payload is Smile already, so it is not encoded twice), any other frame in Smile.
     */
    public byte[] encodeFrame(Frame frame) {
        return CompactFrames.covers(frame) ? compact.encode(frame) : frameWriter.writeValueAsBytes(frame);
    }

    /** The frame in {@code bytes}; never throws anything but {@link UndecodableException}. */
    public Frame decodeFrame(byte[] bytes, int offset, int length) throws UndecodableException {
        if (CompactFrames.isCompact(bytes, offset, length)) {
            return compact.decode(bytes, offset, length);
        }
        Object frame = decode(frameReader, bytes, offset, length);
        if (frame instanceof Frame known) {
            return known;
        }
        throw new UndecodableException(null, "not a frame: " + (frame == null ? "null" : frame.getClass().getName()), null);
    }

    /**
     * The bytes of an application value (a message, a request, a reply, a spawn argument).
     *
     * @throws UndecodableException naming the type when Jackson cannot write it
     */
    public byte[] encodePayload(Object value) throws UndecodableException {
        try {
            return payloadWriter.writeValueAsBytes(value);
        } catch (JacksonException | IllegalArgumentException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new UndecodableException(type, "cannot encode a " + type + ": " + e.getMessage(), e);
        }
    }

    /** An application value; never throws anything but {@link UndecodableException}. */
    public Object decodePayload(byte[] bytes) throws UndecodableException {
        if (bytes == null) {
            throw new UndecodableException(null, "no payload", null);
        }
        return decode(payloadReader, bytes, 0, bytes.length);
    }

    private static Object decode(ObjectReader reader, byte[] bytes, int offset, int length) throws UndecodableException {
        try {
            return reader.readValue(bytes, offset, length);
        } catch (InvalidTypeIdException e) {
            throw new UndecodableException(e.getTypeId(), "type " + e.getTypeId() + " is not allowlisted or unknown", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new UndecodableException(null, "bad bytes: " + e, e);
        }
    }

    /** Lets Jackson resolve only allowlisted class names. */
    private static final class AllowlistValidator extends PolymorphicTypeValidator.Base {
        private static final long serialVersionUID = 1L;
        private final transient Allowlist allowlist;

        AllowlistValidator(Allowlist allowlist) {
            this.allowlist = allowlist;
        }

        @Override
        public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
            return allowlist.allows(subClassName) ? Validity.ALLOWED : Validity.DENIED;
        }

        @Override
        public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
            return allowlist.allows(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
        }
    }
}
