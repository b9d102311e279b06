package dev.gb28181.camel;

import dev.gb28181.manscdp.AlarmQuery;
import dev.gb28181.manscdp.ConfigDownloadQuery;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.manscdp.MobilePositionQuery;
import dev.gb28181.manscdp.RecordInfoQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

import org.apache.camel.Message;

/**
 * Builds the MANSCDP query (GB/T 28181-2016 §9.5, Annex A.2.4) an exchange asks for, from the
 * endpoint's options and the exchange's headers, a header winning over its option. Shared by the
 * query producer and the subscribe producer, whose SUBSCRIBE bodies are queries too (§9.11); the
 * invite producer reads its recording times the same way.
 */
final class Gb28181Queries {

    private Gb28181Queries() {
    }

    /**
     * The query of type {@code cmdType} with the parameters of {@code in} and {@code endpoint} that
     * apply to it; the channel, when one is named, becomes the query's DeviceID.
     *
     * @throws IllegalArgumentException for an unknown CmdType or a parameter that is not valid
     */
    static ManscdpQuery create(String cmdType, Message in, Gb28181Endpoint endpoint) {
        ManscdpQuery query = ManscdpQueries.create(cmdType);
        String channel = in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class);
        if (channel != null) {
            query.setDeviceId(channel);
        }
        if (query instanceof RecordInfoQuery record) {
            record.setStartTime(time(in, Gb28181Constants.START_TIME, "startTime", endpoint.getStartTime()));
            record.setEndTime(time(in, Gb28181Constants.END_TIME, "endTime", endpoint.getEndTime()));
            record.setType(in.getHeader(Gb28181Constants.TYPE, endpoint.getType(), String.class));
            record.setFilePath(in.getHeader(Gb28181Constants.FILE_PATH, endpoint.getFilePath(), String.class));
            record.setAddress(in.getHeader(Gb28181Constants.ADDRESS, endpoint.getAddress(), String.class));
            record.setSecrecy(in.getHeader(Gb28181Constants.SECRECY, endpoint.getSecrecy(), Integer.class));
            record.setRecorderId(in.getHeader(Gb28181Constants.RECORDER_ID, endpoint.getRecorderId(), String.class));
        } else if (query instanceof AlarmQuery alarm) {
            alarm.setStartAlarmPriority(in.getHeader(Gb28181Constants.START_ALARM_PRIORITY,
                    endpoint.getStartAlarmPriority(), String.class));
            alarm.setEndAlarmPriority(in.getHeader(Gb28181Constants.END_ALARM_PRIORITY,
                    endpoint.getEndAlarmPriority(), String.class));
            alarm.setAlarmMethod(in.getHeader(Gb28181Constants.ALARM_METHOD, endpoint.getAlarmMethod(), String.class));
            alarm.setAlarmType(in.getHeader(Gb28181Constants.ALARM_TYPE, endpoint.getAlarmType(), String.class));
            alarm.setStartAlarmTime(time(in, Gb28181Constants.START_TIME, "startTime", endpoint.getStartTime()));
            alarm.setEndAlarmTime(time(in, Gb28181Constants.END_TIME, "endTime", endpoint.getEndTime()));
        } else if (query instanceof ConfigDownloadQuery config) {
            config.setConfigType(in.getHeader(Gb28181Constants.CONFIG_TYPE, endpoint.getConfigType(), String.class));
        } else if (query instanceof MobilePositionQuery position) {
            position.setInterval(in.getHeader(Gb28181Constants.INTERVAL, endpoint.getInterval(), Integer.class));
        }
        return query;
    }

    /**
     * A time parameter as the local time devices write (GB/T 28181-2016 Annex A: no zone): ISO-8601
     * text with or without an offset (the GB form 2024-01-31T08:00:00 is local time), epoch seconds
     * (a number or digits), a LocalDateTime, or an instant (Instant, Date, OffsetDateTime,
     * ZonedDateTime) in this JVM's zone.
     *
     * @throws IllegalArgumentException naming the option and header when the value is none of these
     */
    static LocalDateTime time(Message in, String header, String optionName, String option) {
        Object value = in.getHeader(header);
        if (value == null) {
            value = option;
        }
        if (value == null || value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        ZoneId zone = ZoneId.systemDefault();
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), zone);
        }
        if (value instanceof OffsetDateTime offset) {
            return LocalDateTime.ofInstant(offset.toInstant(), zone);
        }
        if (value instanceof ZonedDateTime zoned) {
            return LocalDateTime.ofInstant(zoned.toInstant(), zone);
        }
        if (value instanceof Long || value instanceof Integer) {
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(((Number) value).longValue()), zone);
        }
        String text = value.toString().trim();
        if (isEpochSeconds(text)) {
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(text)), zone);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? LocalDateTime.ofInstant(zoned.toInstant(), zone) : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(optionName + " (header " + header + "): '" + text
                    + "' is not an ISO-8601 time such as 2024-01-31T08:00:00 or epoch seconds", e);
        }
    }

    /** 1 to 12 digits: epoch seconds (a year's digits alone are never a time of ISO-8601 here). */
    private static boolean isEpochSeconds(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
