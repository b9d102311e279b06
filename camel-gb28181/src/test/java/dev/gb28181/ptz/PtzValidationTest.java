package dev.gb28181.ptz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Out-of-range parameters and bad PTZCmd strings are refused with a message that says what is wrong. */
class PtzValidationTest {

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                refused("speed", -1, "0-255", PtzParams::speed),
                refused("speed", 256, "0-255", PtzParams::speed),
                refused("zoomSpeed", -1, "0-15", PtzParams::zoomSpeed),
                refused("zoomSpeed", 16, "0-15", PtzParams::zoomSpeed),
                refused("preset", -1, "0-255", PtzParams::preset),
                refused("preset", 256, "0-255", PtzParams::preset),
                refused("group", -1, "0-255", PtzParams::group),
                refused("group", 256, "0-255", PtzParams::group),
                refused("value", -1, "0-4095", PtzParams::value),
                refused("value", 4096, "0-4095", PtzParams::value),
                refused("aux", -1, "0-255", PtzParams::aux),
                refused("aux", 256, "0-255", PtzParams::aux),
                refused("address", -1, "0-4095", PtzParams::address),
                refused("address", 4096, "0-4095", PtzParams::address));
    }

    private static Arguments refused(String name, int value, String range, Setter setter) {
        return Arguments.of(name, value, range, setter);
    }

    interface Setter {
        PtzParams set(PtzParams params, int value);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("outOfRange")
    void outOfRangeParametersAreRefusedNamingTheirRange(String name, int value, String range, Setter setter) {
        assertThatThrownBy(() -> setter.set(new PtzParams(), value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be " + range + ", was " + value);
    }

    @Test
    void actionsRefuseMissingOrReservedValuesBeforeBuilding() {
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.PRESETCALL, new PtzParams()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PRESETCALL needs preset (1-255, 0 is reserved)");
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.PRESETSET, new PtzParams().preset(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PRESETSET needs preset (1-255, 0 is reserved), was 0");
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.CRUISEADD, new PtzParams().preset(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.CRUISEDELETE, new PtzParams()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CRUISEDELETE needs preset (0-255, 0 deletes the whole cruise)");
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.CRUISEDWELL, new PtzParams().group(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CRUISEDWELL needs value (0-4095)");
        assertThatThrownBy(() -> PtzCommand.of(null, new PtzParams())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.UP, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combinationsAreRefusedWhereTheStandardDoesNotAllowThem() {
        assertThatThrownBy(() -> new PtzParams().zoomIn().zoomOut())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zoomIn and zoomOut cannot be combined");
        assertThatThrownBy(() -> new PtzParams().irisClose().irisOpen())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("irisOpen and irisClose cannot be combined");
        for (PtzAction action : new PtzAction[] {PtzAction.STOP, PtzAction.ZOOMOUT, PtzAction.FOCUSFAR,
                PtzAction.PRESETCALL}) {
            assertThatThrownBy(() -> PtzCommand.of(action, new PtzParams().zoomIn()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("zoomIn/zoomOut combine only with a direction, not with " + action);
        }
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.UP, new PtzParams().irisOpen()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("irisOpen/irisClose combine only with focusnear/focusfar, not with UP");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "A50F00080064002|PTZCmd must be 16 hex characters, was 15: 'A50F00080064002'",
        "A50F0008006400200|PTZCmd must be 16 hex characters, was 17: 'A50F0008006400200'",
        "A50F000800640G20|PTZCmd has a non-hex character 'G' at position 13: 'A50F000800640G20'",
        "A50F 00800640020|PTZCmd has a non-hex character ' ' at position 4: 'A50F 00800640020'",
        "A50F00080064002０|PTZCmd has a non-hex character U+FF10 at position 15: 'A50F00080064002?'",
        "B50F000800640030|PTZCmd must start with A5 (GB/T 28181-2016 A.3.1), was B5: 'B50F000800640030'",
        "A50E00080064001F|PTZCmd check nibble of byte 2 is E, expected F for version 0 (GB/T 28181-2016 A.3.1):"
                + " 'A50E00080064001F'",
        "A50F000800640021|PTZCmd checksum (byte 8) is 21, expected 20: 'A50F000800640021'",
    })
    void badStringsAreReportedPrecisely(String input, String message) {
        assertThatThrownBy(() -> PtzCommand.decode(input))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessage(message);
    }

    @Test
    void anUnknownVersionWithAConsistentCheckNibbleIsReportedAsTheVersion() {
        String version1 = withChecksum("A5100008006400"); // version 1: check nibble (A+5+1)%16 = 0
        assertThatThrownBy(() -> PtzCommand.decode(version1))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessage("PTZCmd version is 1, only version 0 (GB/T 28181-2016 A.3.1) is defined: '"
                        + version1 + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "A50F000C0064, sets opposite directions or both zooms",
        "A50F00030A00, sets opposite directions or both zooms",
        "A50F00300000, sets opposite directions or both zooms",
        "A50F004C0000, sets both iris or both focus directions",
        "A50F00430000, sets both iris or both focus directions",
        "A50F00500000, is not defined by GB/T 28181-2016 Annex A.3",
        "A50F00800000, is not defined by GB/T 28181-2016 Annex A.3",
        "A50F008B0000, is not defined by GB/T 28181-2016 Annex A.3",
        "A50F00FF0000, is not defined by GB/T 28181-2016 Annex A.3",
        "A50F00C80000, is not defined by GB/T 28181-2016 Annex A.3",
        "A50F00890103, 'expected 00 start, 01 left limit or 02 right limit'",
        "A50F00820000, names preset 0, which is reserved",
    })
    void undefinedInstructionsAreRefused(String first12, String message) {
        String input = withChecksum(first12 + "00");
        assertThatThrownBy(() -> PtzCommand.decode(input))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessageContaining(message)
                .hasMessageEndingWith("'" + input + "'");
    }

    @Test
    void missingAndHugeInputIsReportedWithoutEchoingIt() {
        assertThatThrownBy(() -> PtzCommand.decode(null))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessage("PTZCmd is missing");
        String huge = "A5".repeat(100_000);
        assertThatThrownBy(() -> PtzCommand.decode(huge))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessage("PTZCmd must be 16 hex characters, was 200000: '" + huge.substring(0, 32) + "...'");
        assertThatThrownBy(() -> PtzCommand.decode(""))
                .isExactlyInstanceOf(PtzCodecException.class)
                .hasMessage("PTZCmd must be 16 hex characters, was 0: ''");
    }

    @Test
    void randomStringsEitherDecodeOrFailWithPtzCodecException() {
        Random random = new Random(28181);
        String hex = "0123456789ABCDEFabcdef";
        String odd = "GgZz -_\u0000\uFF10\u00E9\uD800";
        int decoded = fuzz(random, 50_000, r -> {
            char[] chars = new char[r.nextInt(10) == 0 ? r.nextInt(20) : 16];
            int noise = r.nextInt(3); // 0: hex only, 1: one odd character, 2: any characters
            for (int i = 0; i < chars.length; i++) {
                chars[i] = noise == 2 ? (char) r.nextInt(0x10000) : hex.charAt(r.nextInt(hex.length()));
            }
            if (chars.length == 16 && noise < 2 && r.nextBoolean()) {
                "A50f".getChars(0, 4, chars, 0);
            }
            if (chars.length > 0 && noise == 1) {
                chars[r.nextInt(chars.length)] = odd.charAt(r.nextInt(odd.length()));
            }
            return new String(chars);
        });
        assertThat(decoded).as("random strings almost never carry both checks").isLessThan(50);
    }

    @Test
    void randomBytesEitherDecodeOrFailWithPtzCodecException() {
        Random random = new Random(2016);
        int decoded = fuzz(random, 50_000, r -> {
            StringBuilder hex = new StringBuilder(r.nextBoolean() ? "A50F" : "");
            while (hex.length() < 14) {
                hex.append(hexByte(r.nextInt(256)));
            }
            String first14 = hex.toString();
            return r.nextInt(4) == 0 ? first14 + hexByte(r.nextInt(256)) : withChecksum(first14);
        });
        assertThat(decoded).isGreaterThan(250);
    }

    /** Decodes {@code count} inputs; a success must re-encode to the input; returns how many decoded. */
    private static int fuzz(Random random, int count, Function<Random, String> inputs) {
        int decoded = 0;
        for (int i = 0; i < count; i++) {
            String input = inputs.apply(random);
            PtzCommand command;
            try {
                command = PtzCommand.decode(input);
            } catch (PtzCodecException expected) {
                String message = expected.getMessage();
                if (message == null || !message.startsWith("PTZCmd ") || message.length() > 300) {
                    throw new AssertionError("decode('" + input + "') gave the message " + message);
                }
                continue;
            } catch (RuntimeException wrong) {
                throw new AssertionError("decode('" + input + "') threw " + wrong, wrong);
            }
            String encoded = command.encode();
            if (!encoded.equals(input.toUpperCase(Locale.ROOT)) || !PtzCommand.decode(encoded).equals(command)
                    || !command.toString().contains(command.action().name())) {
                throw new AssertionError("decode('" + input + "') gave " + command);
            }
            decoded++;
        }
        return decoded;
    }

    /** Appends the A.3.1 checksum to bytes 1-7. */
    private static String withChecksum(String first14) {
        int sum = 0;
        for (int i = 0; i < 14; i += 2) {
            sum += Integer.parseInt(first14.substring(i, i + 2), 16);
        }
        return first14 + hexByte(sum & 0xFF);
    }

    private static String hexByte(int value) {
        String hex = Integer.toHexString(value | 0x100).substring(1);
        return hex.toUpperCase(Locale.ROOT);
    }
}
