package dev.gb28181.manscdp;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;

/**
 * Reads and writes MANSCDP bodies ({@code Application/MANSCDP+xml}, GB/T 28181-2016 Annex A and the
 * 2022 edition's additions) as typed {@link ManscdpMessage}s. Thread-safe and reusable: one XML mapper
 * and one reader per class serve every instance.
 *
 * <p>Decoding: the charset is found as {@link ManscdpText} describes; unescaped {@code &} and
 * {@code <} in text are repaired; the root element and CmdType are peeked without a parser to pick the
 * class, then the body is bound once. An unknown CmdType or root/CmdType pair gives a
 * {@link GenericManscdpMessage}. Unknown elements are kept in the extensions; typed values a device
 * wrote unreadably (a time {@code 24/5/4}, a number {@code n/a}, text where a structure was expected)
 * are kept there as raw text instead of failing the message; the one shape not kept whole is a text or
 * number element that arrives with child elements: its own text is kept, the children are dropped. DTDs and external entities are off and a body with a document type declaration
 * is refused (XXE); bodies above the size limit are refused.
 *
 * <p>Encoding writes the prolog {@code <?xml version="1.0" encoding="cs"?>} naming the charset used.
 * A body that holds characters outside the requested charset (a rare name character outside GB2312)
 * is written in GB18030 with a prolog saying so.
 */
public final class ManscdpCodec {

    /** Default body limit: the largest SIP message the stack accepts (64 KiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /** A decoded body: the message and the charset the device wrote it in (to answer in the same one). */
    public record Decoded(ManscdpMessage message, Charset charset) {
    }

    private static final XmlMapper MAPPER = createMapper();
    private static final Map<String, ObjectReader> READERS = new HashMap<>();
    private static final ObjectReader GENERIC_READER = MAPPER.readerFor(GenericManscdpMessage.class);
    private static final Map<ManscdpRoot, ObjectWriter> WRITERS = new EnumMap<>(ManscdpRoot.class);

    static {
        for (ManscdpRoot root : ManscdpRoot.values()) {
            WRITERS.put(root, MAPPER.writer().withRootName(root.xmlName()));
        }
        ManscdpTypes.forEach((root, cmdType, type) -> READERS.put(key(root, cmdType), MAPPER.readerFor(type)));
    }

    private final int maxBodyBytes;

    /** A codec with the {@link #DEFAULT_MAX_BODY_BYTES} limit. */
    public ManscdpCodec() {
        this(DEFAULT_MAX_BODY_BYTES);
    }

    /** A codec refusing bodies above {@code maxBodyBytes}. */
    public ManscdpCodec(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    private static XmlMapper createMapper() {
        XMLInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        XmlFactory factory = XmlFactory.builder().xmlInputFactory(input).xmlOutputFactory(new WstxOutputFactory()).build();
        return XmlMapper.builder(factory)
                .defaultUseWrapper(false)
                .annotationIntrospector(new XmlOnlyIntrospector())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addHandler(new KeepRawText())
                .build();
    }

    private static String key(ManscdpRoot root, String cmdType) {
        return root.xmlName() + '/' + cmdType.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a body.
     *
     * @throws ManscdpException when the body is empty, too large, has a DOCTYPE, has no known root or
     *                          no CmdType, or is not XML even after the repairs
     */
    public Decoded decode(byte[] body) throws ManscdpException {
        if (body == null || body.length == 0) {
            throw new ManscdpException("Empty MANSCDP body");
        }
        if (body.length > maxBodyBytes) {
            throw new ManscdpException("MANSCDP body of " + body.length + " bytes is above the limit of " + maxBodyBytes);
        }
        ManscdpText.Text text = ManscdpText.decode(body);
        String xml = ManscdpText.repair(text.xml());
        ManscdpText.Peek peek = ManscdpText.peek(xml);
        ManscdpRoot root = ManscdpRoot.fromXmlName(peek.root());
        if (root == null) {
            throw new ManscdpException("MANSCDP root element <" + peek.root() + "> is none of Query, Control, Notify, Response");
        }
        ObjectReader reader = READERS.get(key(root, peek.cmdType()));
        try {
            ManscdpMessage message = reader != null ? reader.readValue(xml)
                    : GENERIC_READER.withValueToUpdate(new GenericManscdpMessage(root, peek.cmdType())).readValue(xml);
            return new Decoded(message, text.charset());
        } catch (JsonProcessingException e) {
            throw new ManscdpException("Unreadable MANSCDP " + root.xmlName() + " " + peek.cmdType() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ManscdpException("Unreadable MANSCDP " + root.xmlName() + " " + peek.cmdType() + ": " + e, e);
        }
    }

    /**
     * Writes a message in {@code charset} with a prolog naming it; text {@code charset} cannot hold is
     * written in GB18030 (with {@code encoding="GB18030"}).
     *
     * @throws IllegalArgumentException when the message cannot be written (an extension value that is
     *                                  not text, a map or a list)
     */
    public byte[] encode(ManscdpMessage message, Charset charset) {
        String xml;
        try {
            xml = WRITERS.get(message.root()).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message + ": " + e.getOriginalMessage(), e);
        }
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(ManscdpText.GB18030)) {
            return withProlog(xml, charset).getBytes(charset);
        }
        try {
            ByteBuffer bytes = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(withProlog(xml, charset)));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return withProlog(xml, ManscdpText.GB18030).getBytes(ManscdpText.GB18030);
        }
    }

    private static String withProlog(String xml, Charset charset) {
        return "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\r\n" + xml;
    }

    /** Hides {@link JsonOnly} properties from XML; everything else as Jackson XML reads annotations. */
    private static final class XmlOnlyIntrospector extends JacksonXmlAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean hasIgnoreMarker(AnnotatedMember m) {
            return m.hasAnnotation(JsonOnly.class) || super.hasIgnoreMarker(m);
        }
    }

    /**
     * A value a typed property cannot take (a time or number written wrongly) is kept as raw text in the
     * element's extensions and the property stays {@code null}: one bad field does not lose the message.
     */
    private static final class KeepRawText extends DeserializationProblemHandler {
        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                String failureMsg) throws IOException {
            Object current = ctxt.getParser().currentValue();
            String name = ctxt.getParser().currentName();
            if (current instanceof ManscdpElement element && name != null) {
                element.setExtension(name, valueToConvert);
                return null;
            }
            return NOT_HANDLED;
        }

        /** Text where an element with children was expected: the text is kept. */
        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
            Object current = p.currentValue();
            String name = p.currentName();
            if (p.currentToken() == JsonToken.VALUE_STRING && current instanceof ManscdpElement element && name != null) {
                element.setExtension(name, p.getText());
                return null;
            }
            return NOT_HANDLED;
        }
    }
}
