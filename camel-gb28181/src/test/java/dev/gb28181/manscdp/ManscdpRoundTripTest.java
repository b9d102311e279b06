package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every root and CmdType the codec knows, with every typed field set, written and read back: the
 * result is the same object and nothing falls into the extensions.
 */
class ManscdpRoundTripTest {

    private static final Charset GB2312 = Charset.forName("GB2312");

    private final ManscdpCodec codec = new ManscdpCodec();

    static Stream<Arguments> types() {
        List<Arguments> all = new ArrayList<>();
        ManscdpTypes.forEach((root, cmdType, type) -> all.add(Arguments.of(root, cmdType, type)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("types")
    void everyCmdTypeBothWays(ManscdpRoot root, String cmdType, Class<? extends ManscdpMessage> type) throws Exception {
        ManscdpMessage message = type.getConstructor().newInstance();
        int fields = populate(message, 0);
        message.setSn(42L);
        message.setDeviceId("34020000001320000001");
        assertThat(message.root()).isEqualTo(root);
        assertThat(message.getCmdType()).isEqualTo(cmdType);

        byte[] xml = codec.encode(message, GB2312);
        ManscdpCodec.Decoded decoded = codec.decode(xml);

        assertThat(decoded.message()).isInstanceOf(type);
        assertThat(decoded.message()).usingRecursiveComparison().isEqualTo(message);
        assertThat(decoded.message().getExtensions()).as("nothing untyped").isEmpty();
        assertThat(decoded.charset()).isEqualTo(GB2312);
        assertThat(fields).as("setters called").isGreaterThanOrEqualTo(2);
        assertThat(codec.encode(decoded.message(), GB2312)).isEqualTo(xml);
    }

    /** Sets every public typed setter of {@code bean} to a sample value; returns how many were set. */
    private static int populate(Object bean, int depth) throws Exception {
        int set = 0;
        for (Method m : bean.getClass().getMethods()) {
            if (!m.getName().startsWith("set") || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("setCmdType")) {
                continue;
            }
            Object value = sample(m.getParameterTypes()[0], m.getGenericParameterTypes()[0], m.getName(), depth);
            if (value != null) {
                m.invoke(bean, value);
                set++;
            }
        }
        return set;
    }

    private static Object sample(Class<?> type, Type generic, String name, int depth) throws Exception {
        if (type == String.class) {
            return "值" + name.substring(3);
        }
        if (type == Integer.class) {
            return name.length();
        }
        if (type == Long.class) {
            return 1_000_000_000_000L + name.length();
        }
        if (type == Double.class) {
            return name.length() + 0.25;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(2024, 5, 4, 9, 3, name.length() % 60);
        }
        if (depth > 3) {
            return null;
        }
        if (type == List.class || type == ManscdpList.class) {
            Type itemType = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> itemClass = itemType instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) itemType).getRawType();
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                items.add(sample(itemClass, itemType, name + i, depth + 1));
            }
            return type == List.class ? items : new ManscdpList<>(items);
        }
        if (ManscdpElement.class.isAssignableFrom(type)) {
            Object element = type.getConstructor().newInstance();
            populate(element, depth + 1);
            return element;
        }
        return null;
    }
}
