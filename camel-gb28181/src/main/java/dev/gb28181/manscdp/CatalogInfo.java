package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The {@code <Info>} part of a catalog item (GB/T 28181-2016 Annex A.2.4 {@code itemType}, extended by
 * GB/T 28181-2022 Annex A): camera type, position, light, resolution, download speeds and the 2022
 * point attributes. Devices write some of these at the item's top level instead; {@link CatalogItem}
 * collects them here either way, and unknown elements found under {@code <Info>} stay here.
 */
public final class CatalogInfo extends ManscdpElement {

    @JacksonXmlProperty(localName = "PTZType")
    private Integer ptzType;

    @JacksonXmlProperty(localName = "PositionType")
    private Integer positionType;

    @JacksonXmlProperty(localName = "RoomType")
    private Integer roomType;

    @JacksonXmlProperty(localName = "UseType")
    private Integer useType;

    @JacksonXmlProperty(localName = "SupplyLightType")
    private Integer supplyLightType;

    @JacksonXmlProperty(localName = "DirectionType")
    private Integer directionType;

    @JacksonXmlProperty(localName = "Resolution")
    private String resolution;

    @JacksonXmlProperty(localName = "BusinessGroupID")
    private String businessGroupId;

    @JacksonXmlProperty(localName = "DownloadSpeed")
    private String downloadSpeed;

    @JacksonXmlProperty(localName = "SVCSpaceSupportMode")
    private Integer svcSpaceSupportMode;

    @JacksonXmlProperty(localName = "SVCTimeSupportMode")
    private Integer svcTimeSupportMode;

    @JacksonXmlProperty(localName = "SSVCRatioSupportList")
    private String ssvcRatioSupportList;

    @JacksonXmlProperty(localName = "MobileDeviceType")
    private Integer mobileDeviceType;

    @JacksonXmlProperty(localName = "HorizontalFieldAngle")
    private Double horizontalFieldAngle;

    @JacksonXmlProperty(localName = "VerticalFieldAngle")
    private Double verticalFieldAngle;

    @JacksonXmlProperty(localName = "MaxViewDistance")
    private Double maxViewDistance;

    @JacksonXmlProperty(localName = "GrassrootsCode")
    private String grassrootsCode;

    @JacksonXmlProperty(localName = "PointType")
    private Integer pointType;

    @JacksonXmlProperty(localName = "PointCommonName")
    private String pointCommonName;

    @JacksonXmlProperty(localName = "MAC")
    private String mac;

    @JacksonXmlProperty(localName = "FunctionType")
    private String functionType;

    @JacksonXmlProperty(localName = "EncodeType")
    private String encodeType;

    @JacksonXmlProperty(localName = "InstallTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime installTime;

    @JacksonXmlProperty(localName = "ManagementUnit")
    private String managementUnit;

    @JacksonXmlProperty(localName = "ContactInfo")
    private String contactInfo;

    @JacksonXmlProperty(localName = "RecordSaveDays")
    private Integer recordSaveDays;

    @JacksonXmlProperty(localName = "IndustrialClassification")
    private String industrialClassification;

    /** Camera type: 1 dome, 2 half-dome, 3 fixed box, 4 remote-controlled box. */
    public Integer getPtzType() {
        return ptzType;
    }

    public void setPtzType(Integer ptzType) {
        this.ptzType = ptzType;
    }

    public Integer getPositionType() {
        return positionType;
    }

    public void setPositionType(Integer positionType) {
        this.positionType = positionType;
    }

    public Integer getRoomType() {
        return roomType;
    }

    public void setRoomType(Integer roomType) {
        this.roomType = roomType;
    }

    public Integer getUseType() {
        return useType;
    }

    public void setUseType(Integer useType) {
        this.useType = useType;
    }

    public Integer getSupplyLightType() {
        return supplyLightType;
    }

    public void setSupplyLightType(Integer supplyLightType) {
        this.supplyLightType = supplyLightType;
    }

    public Integer getDirectionType() {
        return directionType;
    }

    public void setDirectionType(Integer directionType) {
        this.directionType = directionType;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getBusinessGroupId() {
        return businessGroupId;
    }

    public void setBusinessGroupId(String businessGroupId) {
        this.businessGroupId = businessGroupId;
    }

    /** Download speed multiples the device supports, {@code 1/2/4/8}. */
    public String getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(String downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    public Integer getSvcSpaceSupportMode() {
        return svcSpaceSupportMode;
    }

    public void setSvcSpaceSupportMode(Integer svcSpaceSupportMode) {
        this.svcSpaceSupportMode = svcSpaceSupportMode;
    }

    public Integer getSvcTimeSupportMode() {
        return svcTimeSupportMode;
    }

    public void setSvcTimeSupportMode(Integer svcTimeSupportMode) {
        this.svcTimeSupportMode = svcTimeSupportMode;
    }

    public String getSsvcRatioSupportList() {
        return ssvcRatioSupportList;
    }

    public void setSsvcRatioSupportList(String ssvcRatioSupportList) {
        this.ssvcRatioSupportList = ssvcRatioSupportList;
    }

    public Integer getMobileDeviceType() {
        return mobileDeviceType;
    }

    public void setMobileDeviceType(Integer mobileDeviceType) {
        this.mobileDeviceType = mobileDeviceType;
    }

    public Double getHorizontalFieldAngle() {
        return horizontalFieldAngle;
    }

    public void setHorizontalFieldAngle(Double horizontalFieldAngle) {
        this.horizontalFieldAngle = horizontalFieldAngle;
    }

    public Double getVerticalFieldAngle() {
        return verticalFieldAngle;
    }

    public void setVerticalFieldAngle(Double verticalFieldAngle) {
        this.verticalFieldAngle = verticalFieldAngle;
    }

    public Double getMaxViewDistance() {
        return maxViewDistance;
    }

    public void setMaxViewDistance(Double maxViewDistance) {
        this.maxViewDistance = maxViewDistance;
    }

    public String getGrassrootsCode() {
        return grassrootsCode;
    }

    public void setGrassrootsCode(String grassrootsCode) {
        this.grassrootsCode = grassrootsCode;
    }

    public Integer getPointType() {
        return pointType;
    }

    public void setPointType(Integer pointType) {
        this.pointType = pointType;
    }

    public String getPointCommonName() {
        return pointCommonName;
    }

    public void setPointCommonName(String pointCommonName) {
        this.pointCommonName = pointCommonName;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getFunctionType() {
        return functionType;
    }

    public void setFunctionType(String functionType) {
        this.functionType = functionType;
    }

    public String getEncodeType() {
        return encodeType;
    }

    public void setEncodeType(String encodeType) {
        this.encodeType = encodeType;
    }

    public LocalDateTime getInstallTime() {
        return installTime;
    }

    public void setInstallTime(LocalDateTime installTime) {
        this.installTime = installTime;
    }

    public String getManagementUnit() {
        return managementUnit;
    }

    public void setManagementUnit(String managementUnit) {
        this.managementUnit = managementUnit;
    }

    public String getContactInfo() {
        return contactInfo;
    }

    public void setContactInfo(String contactInfo) {
        this.contactInfo = contactInfo;
    }

    public Integer getRecordSaveDays() {
        return recordSaveDays;
    }

    public void setRecordSaveDays(Integer recordSaveDays) {
        this.recordSaveDays = recordSaveDays;
    }

    public String getIndustrialClassification() {
        return industrialClassification;
    }

    public void setIndustrialClassification(String industrialClassification) {
        this.industrialClassification = industrialClassification;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogInfo other)) {
            return false;
        }
        return Objects.equals(ptzType, other.ptzType)
                && Objects.equals(positionType, other.positionType)
                && Objects.equals(roomType, other.roomType)
                && Objects.equals(useType, other.useType)
                && Objects.equals(supplyLightType, other.supplyLightType)
                && Objects.equals(directionType, other.directionType)
                && Objects.equals(resolution, other.resolution)
                && Objects.equals(businessGroupId, other.businessGroupId)
                && Objects.equals(downloadSpeed, other.downloadSpeed)
                && Objects.equals(svcSpaceSupportMode, other.svcSpaceSupportMode)
                && Objects.equals(svcTimeSupportMode, other.svcTimeSupportMode)
                && Objects.equals(ssvcRatioSupportList, other.ssvcRatioSupportList)
                && Objects.equals(mobileDeviceType, other.mobileDeviceType)
                && Objects.equals(horizontalFieldAngle, other.horizontalFieldAngle)
                && Objects.equals(verticalFieldAngle, other.verticalFieldAngle)
                && Objects.equals(maxViewDistance, other.maxViewDistance)
                && Objects.equals(grassrootsCode, other.grassrootsCode)
                && Objects.equals(pointType, other.pointType)
                && Objects.equals(pointCommonName, other.pointCommonName)
                && Objects.equals(mac, other.mac)
                && Objects.equals(functionType, other.functionType)
                && Objects.equals(encodeType, other.encodeType)
                && Objects.equals(installTime, other.installTime)
                && Objects.equals(managementUnit, other.managementUnit)
                && Objects.equals(contactInfo, other.contactInfo)
                && Objects.equals(recordSaveDays, other.recordSaveDays)
                && Objects.equals(industrialClassification, other.industrialClassification)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ptzType, positionType, roomType, useType, supplyLightType, directionType, resolution,
                businessGroupId, downloadSpeed, svcSpaceSupportMode, svcTimeSupportMode,
                ssvcRatioSupportList, mobileDeviceType, horizontalFieldAngle, verticalFieldAngle,
                maxViewDistance, grassrootsCode, pointType, pointCommonName, mac, functionType,
                encodeType, installTime, managementUnit, contactInfo, recordSaveDays,
                industrialClassification, extensionsHash());
    }

    /** Fills this element's missing values from {@code other}; its extensions are added where absent. */
    void mergeFrom(CatalogInfo other) {
        if (ptzType == null) {
            ptzType = other.ptzType;
        }
        if (positionType == null) {
            positionType = other.positionType;
        }
        if (roomType == null) {
            roomType = other.roomType;
        }
        if (useType == null) {
            useType = other.useType;
        }
        if (supplyLightType == null) {
            supplyLightType = other.supplyLightType;
        }
        if (directionType == null) {
            directionType = other.directionType;
        }
        if (resolution == null) {
            resolution = other.resolution;
        }
        if (businessGroupId == null) {
            businessGroupId = other.businessGroupId;
        }
        if (downloadSpeed == null) {
            downloadSpeed = other.downloadSpeed;
        }
        if (svcSpaceSupportMode == null) {
            svcSpaceSupportMode = other.svcSpaceSupportMode;
        }
        if (svcTimeSupportMode == null) {
            svcTimeSupportMode = other.svcTimeSupportMode;
        }
        if (ssvcRatioSupportList == null) {
            ssvcRatioSupportList = other.ssvcRatioSupportList;
        }
        if (mobileDeviceType == null) {
            mobileDeviceType = other.mobileDeviceType;
        }
        if (horizontalFieldAngle == null) {
            horizontalFieldAngle = other.horizontalFieldAngle;
        }
        if (verticalFieldAngle == null) {
            verticalFieldAngle = other.verticalFieldAngle;
        }
        if (maxViewDistance == null) {
            maxViewDistance = other.maxViewDistance;
        }
        if (grassrootsCode == null) {
            grassrootsCode = other.grassrootsCode;
        }
        if (pointType == null) {
            pointType = other.pointType;
        }
        if (pointCommonName == null) {
            pointCommonName = other.pointCommonName;
        }
        if (mac == null) {
            mac = other.mac;
        }
        if (functionType == null) {
            functionType = other.functionType;
        }
        if (encodeType == null) {
            encodeType = other.encodeType;
        }
        if (installTime == null) {
            installTime = other.installTime;
        }
        if (managementUnit == null) {
            managementUnit = other.managementUnit;
        }
        if (contactInfo == null) {
            contactInfo = other.contactInfo;
        }
        if (recordSaveDays == null) {
            recordSaveDays = other.recordSaveDays;
        }
        if (industrialClassification == null) {
            industrialClassification = other.industrialClassification;
        }
        other.getExtensions().forEach(this::putExtensionIfAbsent);
    }
}
