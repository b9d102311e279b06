package dev.gb28181.manscdp;

/**
 * The fields every MANSCDP message carries (GB/T 28181-2016 Annex A.2.1): its root element
 * ({@code Query}, {@code Control}, {@code Notify} or {@code Response}), {@code CmdType}, {@code SN},
 * {@code DeviceID}, and {@code Status} where the command has one (Keepalive, Annex A.2.5).
 *
 * @param root     the root element name as written
 * @param cmdType  the CmdType text, trimmed
 * @param sn       the SN text, trimmed, or {@code null}
 * @param deviceId the DeviceID text, trimmed, or {@code null}
 * @param status   the Status text, trimmed, or {@code null}
 */
public record ManscdpHeader(String root, String cmdType, String sn, String deviceId, String status) {

    /** {@code true} for {@code <Notify><CmdType>Keepalive</CmdType>} (GB/T 28181-2016 §9.6). */
    public boolean isKeepalive() {
        return "Notify".equalsIgnoreCase(root) && "Keepalive".equalsIgnoreCase(cmdType);
    }
}
