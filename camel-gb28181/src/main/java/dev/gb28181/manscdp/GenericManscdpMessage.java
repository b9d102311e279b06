package dev.gb28181.manscdp;

import java.util.Objects;

/**
 * A MANSCDP message without a typed class: a CmdType this library does not model (vendor commands,
 * later editions) or a known CmdType under an unexpected root. CmdType, SN and DeviceID are read as
 * usual; every other element is kept in {@link #getExtensions()} and written back on encoding, so such
 * messages can still be routed, logged and relayed (GB/T 28181-2016 Annex A.2.1).
 */
public final class GenericManscdpMessage extends ManscdpMessage {

    private final ManscdpRoot root;

    /** An empty message to fill, under {@code root}, with {@code cmdType}. */
    public GenericManscdpMessage(ManscdpRoot root, String cmdType) {
        super(cmdType);
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public ManscdpRoot root() {
        return root;
    }
}
