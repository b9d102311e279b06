package dev.gb28181.manscdp;

import java.util.List;

/**
 * The typed class of each root and CmdType pair (GB/T 28181-2016 Annex A.2.3-A.2.6, 2022 Annex A):
 * what {@link ManscdpCodec} binds a body to.
 */
final class ManscdpTypes {

    private ManscdpTypes() {
    }

    private record Type(ManscdpRoot root, String cmdType, Class<? extends ManscdpMessage> type) {
    }

    private static final List<Type> TYPES = List.of(
            new Type(ManscdpRoot.QUERY, "Catalog", CatalogQuery.class),
            new Type(ManscdpRoot.RESPONSE, "Catalog", CatalogResponse.class),
            new Type(ManscdpRoot.NOTIFY, "Catalog", CatalogNotify.class),
            new Type(ManscdpRoot.QUERY, "DeviceInfo", DeviceInfoQuery.class),
            new Type(ManscdpRoot.RESPONSE, "DeviceInfo", DeviceInfoResponse.class),
            new Type(ManscdpRoot.NOTIFY, "Keepalive", KeepaliveNotify.class),
            new Type(ManscdpRoot.NOTIFY, "Alarm", AlarmNotify.class),
            new Type(ManscdpRoot.RESPONSE, "Alarm", AlarmResponse.class),
            new Type(ManscdpRoot.NOTIFY, "MobilePosition", MobilePositionNotify.class));

    interface Visitor {
        void visit(ManscdpRoot root, String cmdType, Class<? extends ManscdpMessage> type);
    }

    static void forEach(Visitor visitor) {
        for (Type t : TYPES) {
            visitor.visit(t.root(), t.cmdType(), t.type());
        }
    }
}
