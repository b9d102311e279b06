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
            new Type(ManscdpRoot.QUERY, "DeviceStatus", DeviceStatusQuery.class),
            new Type(ManscdpRoot.RESPONSE, "DeviceStatus", DeviceStatusResponse.class),
            new Type(ManscdpRoot.QUERY, "RecordInfo", RecordInfoQuery.class),
            new Type(ManscdpRoot.RESPONSE, "RecordInfo", RecordInfoResponse.class),
            new Type(ManscdpRoot.QUERY, "Alarm", AlarmQuery.class),
            new Type(ManscdpRoot.NOTIFY, "Alarm", AlarmNotify.class),
            new Type(ManscdpRoot.RESPONSE, "Alarm", AlarmResponse.class),
            new Type(ManscdpRoot.QUERY, "ConfigDownload", ConfigDownloadQuery.class),
            new Type(ManscdpRoot.RESPONSE, "ConfigDownload", ConfigDownloadResponse.class),
            new Type(ManscdpRoot.QUERY, "PresetQuery", PresetQuery.class),
            new Type(ManscdpRoot.RESPONSE, "PresetQuery", PresetQueryResponse.class),
            new Type(ManscdpRoot.QUERY, "MobilePosition", MobilePositionQuery.class),
            new Type(ManscdpRoot.NOTIFY, "MobilePosition", MobilePositionNotify.class),
            new Type(ManscdpRoot.QUERY, "HomePositionQuery", HomePositionQuery.class),
            new Type(ManscdpRoot.RESPONSE, "HomePositionQuery", HomePositionResponse.class),
            new Type(ManscdpRoot.QUERY, "CruiseTrackListQuery", CruiseTrackListQuery.class),
            new Type(ManscdpRoot.RESPONSE, "CruiseTrackListQuery", CruiseTrackListResponse.class),
            new Type(ManscdpRoot.QUERY, "CruiseTrackQuery", CruiseTrackQuery.class),
            new Type(ManscdpRoot.RESPONSE, "CruiseTrackQuery", CruiseTrackResponse.class),
            new Type(ManscdpRoot.QUERY, "PTZPosition", PtzPositionQuery.class),
            new Type(ManscdpRoot.RESPONSE, "PTZPosition", PtzPositionResponse.class),
            new Type(ManscdpRoot.QUERY, "SDCardStatus", SdCardStatusQuery.class),
            new Type(ManscdpRoot.RESPONSE, "SDCardStatus", SdCardStatusResponse.class),
            new Type(ManscdpRoot.CONTROL, "DeviceControl", DeviceControl.class),
            new Type(ManscdpRoot.RESPONSE, "DeviceControl", DeviceControlResponse.class),
            new Type(ManscdpRoot.CONTROL, "DeviceConfig", DeviceConfig.class),
            new Type(ManscdpRoot.RESPONSE, "DeviceConfig", DeviceConfigResponse.class),
            new Type(ManscdpRoot.NOTIFY, "Keepalive", KeepaliveNotify.class),
            new Type(ManscdpRoot.NOTIFY, "MediaStatus", MediaStatusNotify.class),
            new Type(ManscdpRoot.NOTIFY, "Broadcast", BroadcastNotify.class),
            new Type(ManscdpRoot.RESPONSE, "Broadcast", BroadcastResponse.class),
            new Type(ManscdpRoot.NOTIFY, "UploadSnapShotFinished", UploadSnapShotFinishedNotify.class),
            new Type(ManscdpRoot.NOTIFY, "VideoUploadNotify", VideoUploadNotify.class),
            new Type(ManscdpRoot.NOTIFY, "DeviceUpgradeResult", DeviceUpgradeResultNotify.class));

    interface Visitor {
        void visit(ManscdpRoot root, String cmdType, Class<? extends ManscdpMessage> type);
    }

    static void forEach(Visitor visitor) {
        for (Type t : TYPES) {
            visitor.visit(t.root(), t.cmdType(), t.type());
        }
    }
}
