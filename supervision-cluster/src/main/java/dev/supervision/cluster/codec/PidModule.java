package dev.supervision.cluster.codec;

import dev.supervision.process.Pid;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson's handling of {@link Pid}: written as {@code [node, incarnation, serial, creation]} with the
 * node's name, read back with this node's index for that node, wherever the pid sits in a message.
 */
final class PidModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    PidModule(PidTranslator translator) {
        super("supervision-pids");
        addSerializer(Pid.class, new Writer(translator));
        addDeserializer(Pid.class, new Reader(translator));
    }

    private static final class Writer extends ValueSerializer<Pid> {
        private final PidTranslator translator;

        Writer(PidTranslator translator) {
            this.translator = translator;
        }

        @Override
        public void serialize(Pid pid, JsonGenerator g, SerializationContext ctxt) {
            g.writeStartArray();
            contents(pid, g);
            g.writeEndArray();
        }

        @Override
        public void serializeWithType(Pid pid, JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
            WritableTypeId id = typeSer.writeTypePrefix(g, ctxt, typeSer.typeId(pid, JsonToken.START_ARRAY));
            contents(pid, g);
            typeSer.writeTypeSuffix(g, ctxt, id);
        }

        private void contents(Pid pid, JsonGenerator g) {
            WirePid wire = translator.toWire(pid);
            g.writeString(wire.node());
            g.writeNumber(wire.incarnation());
            g.writeNumber(wire.serial());
            g.writeNumber(wire.creation());
        }
    }

    private static final class Reader extends ValueDeserializer<Pid> {
        private final PidTranslator translator;

        Reader(PidTranslator translator) {
            this.translator = translator;
        }

        @Override
        public Pid deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (Pid) ctxt.handleUnexpectedToken(Pid.class, p);
            }
            String node = p.nextStringValue();
            p.nextToken();
            long incarnation = p.getLongValue();
            p.nextToken();
            long serial = p.getLongValue();
            p.nextToken();
            int creation = p.getIntValue();
            if (node == null || p.nextToken() != JsonToken.END_ARRAY) {
                return (Pid) ctxt.handleUnexpectedToken(Pid.class, p);
            }
            return translator.fromWire(new WirePid(node, incarnation, serial, creation));
        }
    }
}
