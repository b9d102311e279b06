package dev.gb28181.ptz;

/**
 * One front-end device control command, the {@code <PTZCmd>} of a DeviceControl (GB/T 28181-2016 A.2.3),
 * encoded and decoded as Annex A.3 defines it: eight bytes written as 16 hex characters.
 *
 * <pre>
 * byte 1  A5H
 * byte 2  high nibble version (0 for this standard), low nibble check = (0xA + 0x5 + version) % 16
 * byte 3  address, low 8 bits
 * byte 4  instruction
 * byte 5  data 1
 * byte 6  data 2
 * byte 7  high nibble data 3, low nibble address high 4 bits
 * byte 8  (byte 1 + ... + byte 7) % 256
 * </pre>
 *
 * The instruction groups are PTZ (A.3.2: byte 4 = 00ZZUDLR, byte 5 pan speed, byte 6 tilt speed, byte 7
 * high nibble zoom speed), FI (A.3.3: byte 4 = 0100IIFF, byte 5 focus speed, byte 6 iris speed), presets
 * (A.3.4: 81H-83H, byte 6 preset), cruise (A.3.5: 84H-88H, byte 5 group, byte 6 preset or the low 8 bits of
 * a 12-bit speed/dwell whose high 4 bits are byte 7's high nibble), scan (A.3.6: 89H with byte 6 = 0 start,
 * 1 left limit, 2 right limit; 8AH 12-bit speed) and auxiliary switches (A.3.7: 8CH on, 8DH off, byte 5
 * switch). The pan/tilt speeds follow the standard's text and the field captures (up at speed 100 is
 * {@code A50F000800640020}); the example rows of table A.5 print the up/down speed in the byte 5 column,
 * which the text of A.3.2 note 2 contradicts.
 *
 * <p>Immutable; equal commands encode to the same string. The raw bytes are kept as given, so
 * {@code decode(s).encode()} gives {@code s} in upper case for every valid {@code s}, including bytes the
 * standard leaves unused (for example the speed byte of a direction that is not moving).
 */
public final class PtzCommand {

    private static final int FIRST_BYTE = 0xA5;
    private static final int VERSION_BYTE = 0x0F;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final PtzAction[] BY_CODE = new PtzAction[256];

    static {
        for (PtzAction action : PtzAction.values()) {
            if (action.code() != 0x89) {
                BY_CODE[action.code()] = action;
            }
        }
    }

    private final int address;
    private final int instruction;
    private final int data1;
    private final int data2;
    private final int data3;
    private final PtzAction action;

    private PtzCommand(int address, int instruction, int data1, int data2, int data3, PtzAction action) {
        this.address = address;
        this.instruction = instruction;
        this.data1 = data1;
        this.data2 = data2;
        this.data3 = data3;
        this.action = action;
    }

    /**
     * Builds the command for {@code action} from {@code params}.
     *
     * @throws IllegalArgumentException if a value the action needs is missing or out of its range, or a
     *     combination flag does not fit the action (zoom combines with a direction, iris with focus)
     */
    public static PtzCommand of(PtzAction action, PtzParams params) {
        if (action == null || params == null) {
            throw new IllegalArgumentException("action and params are required");
        }
        int code = action.code();
        int zoomBits = (params.zoomIn ? 0x10 : 0) | (params.zoomOut ? 0x20 : 0);
        int irisBits = (params.irisOpen ? 0x04 : 0) | (params.irisClose ? 0x08 : 0);
        boolean direction = code > 0 && code < 0x10;
        boolean focus = action == PtzAction.FOCUSNEAR || action == PtzAction.FOCUSFAR;
        if (zoomBits != 0 && !direction) {
            throw new IllegalArgumentException("zoomIn/zoomOut combine only with a direction, not with " + action);
        }
        if (irisBits != 0 && !focus) {
            throw new IllegalArgumentException("irisOpen/irisClose combine only with focusnear/focusfar, not with "
                    + action);
        }
        int instruction = code | zoomBits | irisBits;
        int data1 = 0;
        int data2 = 0;
        int data3 = 0;
        switch (action) {
            case STOP, FISTOP -> {
                // every byte after the instruction is zero
            }
            case UP, DOWN, LEFT, RIGHT, UPLEFT, UPRIGHT, DOWNLEFT, DOWNRIGHT, ZOOMIN, ZOOMOUT -> {
                data1 = (instruction & 0x03) != 0 ? params.speed : 0;
                data2 = (instruction & 0x0C) != 0 ? params.speed : 0;
                data3 = (instruction & 0x30) != 0 ? params.zoomSpeed : 0;
            }
            case FOCUSNEAR, FOCUSFAR, IRISOPEN, IRISCLOSE -> {
                data1 = (instruction & 0x03) != 0 ? params.speed : 0;
                data2 = (instruction & 0x0C) != 0 ? params.speed : 0;
            }
            case PRESETSET, PRESETCALL, PRESETDELETE -> data2 = requirePreset(action, params, 1);
            case CRUISEADD, CRUISEDELETE -> {
                data1 = params.group;
                data2 = requirePreset(action, params, action == PtzAction.CRUISEDELETE ? 0 : 1);
            }
            case CRUISESPEED, CRUISEDWELL, SCANSPEED -> {
                if (params.value == PtzParams.UNSET) {
                    throw new IllegalArgumentException(action + " needs value (0-4095)");
                }
                data1 = params.group;
                data2 = params.value & 0xFF;
                data3 = params.value >> 8;
            }
            case CRUISESTART, SCANSTART -> data1 = params.group;
            case SCANLEFT -> {
                data1 = params.group;
                data2 = 1;
            }
            case SCANRIGHT -> {
                data1 = params.group;
                data2 = 2;
            }
            case AUXON, AUXOFF -> data1 = params.aux;
        }
        return new PtzCommand(params.address, instruction, data1, data2, data3, action);
    }

    private static int requirePreset(PtzAction action, PtzParams params, int min) {
        if (params.preset == PtzParams.UNSET || params.preset < min) {
            throw new IllegalArgumentException(action + " needs preset (" + min + "-255"
                    + (min == 1 ? ", 0 is reserved" : ", 0 deletes the whole cruise") + ")"
                    + (params.preset == PtzParams.UNSET ? "" : ", was " + params.preset));
        }
        return params.preset;
    }

    /**
     * Reads a PTZCmd: exactly 16 hex characters in any case, any address. Both checks of A.3.1 are
     * recomputed.
     *
     * @throws PtzCodecException naming what is wrong: missing, length, a non-hex character, the first byte,
     *     the version or check nibble, the checksum, or an instruction (or scan mode, or preset 0 where a
     *     preset is required) that Annex A.3 does not define; never any other exception
     */
    public static PtzCommand decode(CharSequence hex) {
        if (hex == null) {
            throw new PtzCodecException("PTZCmd is missing");
        }
        int length = hex.length();
        if (length != 16) {
            throw new PtzCodecException("PTZCmd must be 16 hex characters, was " + length + ": '" + shown(hex) + "'");
        }
        long bits = 0;
        for (int i = 0; i < 16; i++) {
            char c = hex.charAt(i);
            int digit = hexDigit(c);
            if (digit < 0) {
                throw new PtzCodecException("PTZCmd has a non-hex character " + describe(c) + " at position " + i
                        + ": '" + shown(hex) + "'");
            }
            bits = (bits << 4) | digit;
        }
        int b1 = (int) (bits >>> 56) & 0xFF;
        int b2 = (int) (bits >>> 48) & 0xFF;
        int b3 = (int) (bits >>> 40) & 0xFF;
        int b4 = (int) (bits >>> 32) & 0xFF;
        int b5 = (int) (bits >>> 24) & 0xFF;
        int b6 = (int) (bits >>> 16) & 0xFF;
        int b7 = (int) (bits >>> 8) & 0xFF;
        int b8 = (int) bits & 0xFF;
        if (b1 != FIRST_BYTE) {
            throw new PtzCodecException("PTZCmd must start with A5 (GB/T 28181-2016 A.3.1), was "
                    + hexByte(b1) + ": '" + hex + "'");
        }
        int version = b2 >> 4;
        int expectedCheck = (0xA + 0x5 + version) & 0x0F;
        if ((b2 & 0x0F) != expectedCheck) {
            throw new PtzCodecException("PTZCmd check nibble of byte 2 is " + HEX[b2 & 0x0F] + ", expected "
                    + HEX[expectedCheck] + " for version " + version + " (GB/T 28181-2016 A.3.1): '" + hex + "'");
        }
        if (b2 != VERSION_BYTE) {
            throw new PtzCodecException("PTZCmd version is " + version
                    + ", only version 0 (GB/T 28181-2016 A.3.1) is defined: '" + hex + "'");
        }
        int sum = (b1 + b2 + b3 + b4 + b5 + b6 + b7) & 0xFF;
        if (b8 != sum) {
            throw new PtzCodecException("PTZCmd checksum (byte 8) is " + hexByte(b8) + ", expected " + hexByte(sum)
                    + ": '" + hex + "'");
        }
        PtzAction action = actionOf(b4, b6, hex);
        return new PtzCommand(((b7 & 0x0F) << 8) | b3, b4, b5, b6, b7 >> 4, action);
    }

    private static PtzAction actionOf(int instruction, int data2, CharSequence hex) {
        if (instruction < 0x40) {
            if ((instruction & 0x30) == 0x30 || (instruction & 0x0C) == 0x0C || (instruction & 0x03) == 0x03) {
                throw new PtzCodecException("PTZCmd instruction " + hexByte(instruction)
                        + " sets opposite directions or both zooms (GB/T 28181-2016 A.3.2): '" + hex + "'");
            }
            int direction = instruction & 0x0F;
            return BY_CODE[direction != 0 ? direction : instruction];
        }
        if ((instruction & 0xF0) == 0x40) {
            if ((instruction & 0x0C) == 0x0C || (instruction & 0x03) == 0x03) {
                throw new PtzCodecException("PTZCmd instruction " + hexByte(instruction)
                        + " sets both iris or both focus directions (GB/T 28181-2016 A.3.3): '" + hex + "'");
            }
            int focus = instruction & 0x03;
            return BY_CODE[focus != 0 ? 0x40 | focus : instruction];
        }
        if (instruction == 0x89) {
            switch (data2) {
                case 0:
                    return PtzAction.SCANSTART;
                case 1:
                    return PtzAction.SCANLEFT;
                case 2:
                    return PtzAction.SCANRIGHT;
                default:
                    throw new PtzCodecException("PTZCmd scan byte 6 is " + hexByte(data2)
                            + ", expected 00 start, 01 left limit or 02 right limit (GB/T 28181-2016 A.3.6): '"
                            + hex + "'");
            }
        }
        PtzAction action = BY_CODE[instruction];
        if (action == null) {
            throw new PtzCodecException("PTZCmd instruction " + hexByte(instruction)
                    + " is not defined by GB/T 28181-2016 Annex A.3: '" + hex + "'");
        }
        if (data2 == 0 && instruction >= 0x81 && instruction <= 0x84) {
            throw new PtzCodecException("PTZCmd " + action + " names preset 0, which is reserved"
                    + " (GB/T 28181-2016 A.3.4): '" + hex + "'");
        }
        return action;
    }

    /** The 16 upper-case hex characters of this command, checks included. */
    public String encode() {
        char[] out = new char[16];
        int b3 = address & 0xFF;
        int b7 = (data3 << 4) | (address >> 8);
        put(out, 0, FIRST_BYTE);
        put(out, 2, VERSION_BYTE);
        put(out, 4, b3);
        put(out, 6, instruction);
        put(out, 8, data1);
        put(out, 10, data2);
        put(out, 12, b7);
        put(out, 14, (FIRST_BYTE + VERSION_BYTE + b3 + instruction + data1 + data2 + b7) & 0xFF);
        return new String(out);
    }

    private static void put(char[] out, int at, int value) {
        out[at] = HEX[value >> 4];
        out[at + 1] = HEX[value & 0x0F];
    }

    /** What the command does; for a combination the direction (A.3.2) or the focus part (A.3.3). */
    public PtzAction action() {
        return action;
    }

    /** Device address, 0-4095 (byte 3 and the low nibble of byte 7). */
    public int address() {
        return address;
    }

    /** Byte 4, the instruction code. */
    public int instruction() {
        return instruction;
    }

    /** Byte 5, 0-255. */
    public int data1() {
        return data1;
    }

    /** Byte 6, 0-255. */
    public int data2() {
        return data2;
    }

    /** High nibble of byte 7, 0-15. */
    public int data3() {
        return data3;
    }

    /** Whether the command zooms in, alone ({@link PtzAction#ZOOMIN}) or with a direction. */
    public boolean zoomingIn() {
        return instruction < 0x40 && (instruction & 0x10) != 0;
    }

    /** Whether the command zooms out, alone ({@link PtzAction#ZOOMOUT}) or with a direction. */
    public boolean zoomingOut() {
        return instruction < 0x40 && (instruction & 0x20) != 0;
    }

    /** Whether the command opens the iris, alone ({@link PtzAction#IRISOPEN}) or while focusing. */
    public boolean irisOpening() {
        return isFi() && (instruction & 0x04) != 0;
    }

    /** Whether the command closes the iris, alone ({@link PtzAction#IRISCLOSE}) or while focusing. */
    public boolean irisClosing() {
        return isFi() && (instruction & 0x08) != 0;
    }

    /** Pan speed, byte 5 of a PTZ command (A.3.2). */
    public int panSpeed() {
        requireGroup(isPtz(), "panSpeed");
        return data1;
    }

    /** Tilt speed, byte 6 of a PTZ command (A.3.2). */
    public int tiltSpeed() {
        requireGroup(isPtz(), "tiltSpeed");
        return data2;
    }

    /** Zoom speed 0-15, byte 7 high nibble of a PTZ command (A.3.2). */
    public int zoomSpeed() {
        requireGroup(isPtz(), "zoomSpeed");
        return data3;
    }

    /** Focus speed, byte 5 of an FI command (A.3.3). */
    public int focusSpeed() {
        requireGroup(isFi(), "focusSpeed");
        return data1;
    }

    /** Iris speed, byte 6 of an FI command (A.3.3). */
    public int irisSpeed() {
        requireGroup(isFi(), "irisSpeed");
        return data2;
    }

    /** Preset number, byte 6 of a preset command or of cruise add/delete (0 there: the whole cruise). */
    public int preset() {
        requireGroup(instruction >= 0x81 && instruction <= 0x85, "preset");
        return data2;
    }

    /** Cruise or scan group, byte 5 of 84H-8AH (A.3.5, A.3.6). */
    public int group() {
        requireGroup(instruction >= 0x84 && instruction <= 0x8A, "group");
        return data1;
    }

    /** The 12-bit cruise speed, cruise dwell (seconds) or scan speed (A.3.5 note 2, A.3.6 note 2). */
    public int value() {
        requireGroup(instruction == 0x86 || instruction == 0x87 || instruction == 0x8A, "value");
        return (data3 << 8) | data2;
    }

    /** Scan byte 6: 0 start, 1 left limit, 2 right limit (A.3.6). */
    public int scanMode() {
        requireGroup(instruction == 0x89, "scanMode");
        return data2;
    }

    /** Auxiliary switch number, byte 5 of 8CH/8DH; 1 is the wiper (A.3.7). */
    public int aux() {
        requireGroup(instruction == 0x8C || instruction == 0x8D, "aux");
        return data1;
    }

    private boolean isPtz() {
        return instruction < 0x40;
    }

    private boolean isFi() {
        return (instruction & 0xF0) == 0x40;
    }

    private void requireGroup(boolean member, String field) {
        if (!member) {
            throw new IllegalStateException(field + " is not part of a " + action + " command");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PtzCommand other
                && address == other.address
                && instruction == other.instruction
                && data1 == other.data1
                && data2 == other.data2
                && data3 == other.data3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(((long) address << 28) | (instruction << 20) | (data1 << 12) | (data2 << 4) | data3);
    }

    /** For example {@code PtzCommand[UPRIGHT panSpeed=10 tiltSpeed=10 zoomOut zoomSpeed=3 address=0 A50F...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(80).append("PtzCommand[").append(action);
        if (isPtz()) {
            if ((instruction & 0x03) != 0) {
                s.append(" panSpeed=").append(data1);
            }
            if ((instruction & 0x0C) != 0) {
                s.append(" tiltSpeed=").append(data2);
            }
            if ((instruction & 0x30) != 0) {
                s.append(zoomingIn() ? " zoomIn" : " zoomOut").append(" zoomSpeed=").append(data3);
            }
        } else if (isFi()) {
            if ((instruction & 0x03) != 0) {
                s.append(" focusSpeed=").append(data1);
            }
            if ((instruction & 0x0C) != 0) {
                s.append(irisOpening() ? " irisOpen" : " irisClose").append(" irisSpeed=").append(data2);
            }
        } else {
            if (instruction >= 0x84) {
                if (instruction <= 0x8A) {
                    s.append(" group=").append(data1);
                } else {
                    s.append(" aux=").append(data1);
                }
            }
            if (instruction <= 0x85) {
                s.append(" preset=").append(data2);
            } else if (instruction == 0x86 || instruction == 0x87 || instruction == 0x8A) {
                s.append(" value=").append(value());
            }
        }
        return s.append(" address=").append(address).append(' ').append(encode()).append(']').toString();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String hexByte(int value) {
        return new String(new char[] {HEX[value >> 4], HEX[value & 0x0F]});
    }

    private static String describe(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return "'" + c + "'";
        }
        return "U+" + hexByte(c >> 8) + hexByte(c & 0xFF);
    }

    private static String shown(CharSequence hex) {
        StringBuilder s = new StringBuilder(40);
        int end = Math.min(hex.length(), 32);
        for (int i = 0; i < end; i++) {
            char c = hex.charAt(i);
            s.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return hex.length() > end ? s.append("...").toString() : s.toString();
    }
}
