package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.platform.ControlRefusedException;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.DeviceUnavailableException;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.ManscdpTimeoutException;
import dev.gb28181.platform.SipStatusException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.TypeConversionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the REST controllers share: a command sent through a producer of the gb28181 component (GB/T
 * 28181-2016 §9.2-§9.9: MESSAGE, INVITE, INFO, BYE) and its outcome as an HTTP answer. A device that
 * is not registered is a 404 and an offline one a 409 before anything is sent; a failed exchange is a
 * 400 for bad input (nothing was sent), 409 when the device went offline, 502 when the device refused
 * (a SIP error status with {@code sipStatus}, or a Response with Result ERROR with its
 * {@code response}), 504 when it did not answer. Errors are JSON objects
 * {@code {"status", "error", "message"}}.
 */
@Component
class Gb28181Commands {

    /** The answer to a command that succeeded. */
    interface Reply {
        ResponseEntity<Object> of(Exchange done);
    }

    private final CamelContext camelContext;
    private final ProducerTemplate producer;

    Gb28181Commands(CamelContext camelContext, ProducerTemplate producer) {
        this.camelContext = camelContext;
        this.producer = producer;
    }

    Gb28181Platform platform() {
        return camelContext.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }

    /** Sends to a registered, online device: the device ID becomes the CamelGb28181DeviceId header. */
    ResponseEntity<Object> toDevice(String deviceId, String uri, Map<String, Object> headers, Reply reply) {
        Device device = platform().registry().find(deviceId).orElse(null);
        if (device == null) {
            return error(HttpStatus.NOT_FOUND, "Device " + deviceId + " is not registered");
        }
        if (!device.online()) {
            return error(HttpStatus.CONFLICT, "Device " + deviceId + " is offline");
        }
        headers.put(Gb28181Constants.DEVICE_ID, deviceId);
        return send(uri, headers, reply);
    }

    /** Sends with {@code headers} and answers {@code reply}'s answer, or the failure's. */
    ResponseEntity<Object> send(String uri, Map<String, Object> headers, Reply reply) {
        Exchange done = producer.send(uri, exchange -> exchange.getMessage().setHeaders(headers));
        Exception failure = done.getException();
        if (failure == null) {
            return reply.of(done);
        }
        if (failure instanceof IllegalArgumentException || failure instanceof TypeConversionException) {
            return error(HttpStatus.BAD_REQUEST, failure.getMessage());
        }
        if (failure instanceof DeviceUnavailableException) {
            return error(HttpStatus.CONFLICT, failure.getMessage());
        }
        if (failure instanceof ManscdpTimeoutException) {
            return error(HttpStatus.GATEWAY_TIMEOUT, failure.getMessage());
        }
        if (failure instanceof SipStatusException sip) {
            return error(HttpStatus.BAD_GATEWAY, failure.getMessage(), Map.of("sipStatus", sip.status()));
        }
        if (failure instanceof ControlRefusedException refused) {
            return error(HttpStatus.BAD_GATEWAY, failure.getMessage(), Map.of("response", refused.response()));
        }
        return error(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(failure.getMessage()));
    }

    /** The request parameters that have a header, as those headers. */
    static Map<String, Object> headers(Map<String, String> parameters, Map<String, String> names) {
        Map<String, Object> headers = new HashMap<>();
        parameters.forEach((name, value) -> {
            String header = names.get(name);
            if (header != null) {
                headers.put(header, value);
            }
        });
        return headers;
    }

    static ResponseEntity<Object> error(HttpStatus status, String message) {
        return error(status, message, Map.of());
    }

    static ResponseEntity<Object> error(HttpStatus status, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        body.putAll(details);
        return ResponseEntity.status(status).body(body);
    }
}
