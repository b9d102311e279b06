package dev.gb28181.manscdp;

/**
 * The four root elements of a MANSCDP body (GB/T 28181-2016 Annex A.2.1): what the message is for.
 * The same CmdType means different bodies under different roots ({@code <Query><CmdType>Catalog}
 * asks, {@code <Response>} answers, {@code <Notify>} reports a change).
 */
public enum ManscdpRoot {
    QUERY("Query"),
    CONTROL("Control"),
    NOTIFY("Notify"),
    RESPONSE("Response");

    private final String xmlName;

    ManscdpRoot(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The element name as the standard writes it: {@code Query}, {@code Control}, {@code Notify}, {@code Response}. */
    public String xmlName() {
        return xmlName;
    }

    /** The root for an element name, any case, or {@code null} when it is none of the four. */
    public static ManscdpRoot fromXmlName(String name) {
        for (ManscdpRoot root : values()) {
            if (root.xmlName.equalsIgnoreCase(name)) {
                return root;
            }
        }
        return null;
    }
}
