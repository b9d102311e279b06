package dev.gb28181.peers;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds sipp scenarios for a GB/T 28181 device whose content varies per test: answers to the
 * platform's queries (§9.5, A.2.4) in Annex N parts that may be lost or duplicated, alarms (§9.4,
 * A.2.5.1), catalog subscriptions (§9.11, RFC 6665) and device control (§9.3, A.2.3) with the
 * device's Response where the standard asks for one. The text goes to {@link Sipp#generated} and
 * {@link Sipp#outOfCall}.
 *
 * <p>A run has two scenarios. The main one ({@link #device}) registers the device taken from the
 * injection file (field 0 its ID, field 1 its {@code [authentication]} keyword), may send MESSAGEs,
 * then waits until the out-of-call one ({@link #outOfCall}) has handled {@code n} requests: every
 * request the platform starts arrives with a Call-ID sipp does not know and is played by the
 * out-of-call scenario. The two count through the sipp global variable {@code handled}.
 *
 * <p>sipp rules that shape the text: every variable captured by a regular expression must be used
 * somewhere; conditional jumps use {@code test=}; a response is matched to its call by Call-ID, so
 * the device's MESSAGEs inside an out-of-call scenario reuse that call's Call-ID; sipp's XML parser
 * takes no {@code <} in an attribute, so the expressions capture {@code SN>123} and the bodies
 * write {@code <[$sn]</SN>}.
 */
final class SippScenario {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE scenario SYSTEM \"sipp.dtd\">\n";

    private static final String LOOP_PREFIX = "3402000000131";

    /**
     * The commands GB/T 28181-2016 has a device answer with a Response (§9.3.1, A.2.6: RecordCmd,
     * GuardCmd, AlarmCmd, HomePosition and any DeviceConfig; J.7), as a pattern for {@link #acceptControl}.
     */
    static final String STANDARD_RESPONSES = "RecordCmd>|GuardCmd>|AlarmCmd>|HomePosition>|CmdType>DeviceConfig";
    /** A pattern no control body matches. */
    static final String NONE = "CmdType>NeverSent";

    private final String name;
    private final String platformId;
    private final String domain;
    private final List<String> steps = new ArrayList<>();
    private boolean counts;

    private SippScenario(String name, String platformId, String domain) {
        this.name = name;
        this.platformId = platformId;
        this.domain = domain;
    }

    /** The main scenario of a device: it starts with REGISTER, digest answer and 200 (§9.1). */
    static SippScenario device(String platformId, String domain) {
        SippScenario s = new SippScenario("GB28181 device", platformId, domain);
        s.register();
        return s;
    }

    /** The out-of-call scenario: what the device does with each request the platform starts. */
    static SippScenario outOfCall(String platformId, String domain) {
        return new SippScenario("GB28181 device answering the platform", platformId, domain);
    }

    private void register() {
        for (String auth : new String[] {"", "      [field1]\n"}) {
            steps.add("""
                      <send retrans="500">
                        <![CDATA[

                          REGISTER sip:%1$s@%2$s SIP/2.0
                          Via: SIP/2.0/[transport] [local_ip]:[local_port];rport;branch=[branch]
                          From: <sip:[field0]@%2$s>;tag=[pid]-[call_number]
                          To: <sip:[field0]@%2$s>
                          Call-ID: [call_id]
                          CSeq: [cseq] REGISTER
                          Contact: <sip:[field0]@[local_ip]:[local_port]>
                    %3$s      Max-Forwards: 70
                          User-Agent: sipp GB28181 device
                          Expires: 3600
                          Content-Length: 0

                        ]]>
                      </send>
                    """.formatted(platformId, domain, auth));
            steps.add(auth.isEmpty() ? "  <recv response=\"401\" auth=\"true\"/>\n"
                    : "  <recv response=\"200\"><action><assign assign_to=\"handled\" value=\"0\"/></action></recv>\n");
        }
    }

    /** The main scenario sends a MANSCDP MESSAGE (e.g. Notify/Alarm) and expects 200. */
    SippScenario sendMessage(String body) {
        steps.add(message("MESSAGE", "[field0]", body, "") + "  <recv response=\"200\"/>\n");
        return this;
    }

    /** The main scenario waits (20 ms steps) until the out-of-call scenario has handled {@code n} requests. */
    SippScenario awaitHandled(int n) {
        steps.add("""
                  <label id="wait"/>
                  <pause milliseconds="20"/>
                  <nop>
                    <action>
                      <test assign_to="waiting" variable="handled" compare="less_than" value="%d"/>
                    </action>
                  </nop>
                  <nop next="wait" test="waiting"/>
                """.formatted(n));
        return this;
    }

    /**
     * Out of call: receives a Query MESSAGE of {@code cmdType}, answers 200, then sends {@code parts}
     * (each a Response body without CmdType and SN: {@link #response} adds the query's), each
     * expecting 200. Losing or duplicating a part is the caller's list.
     */
    SippScenario answerQuery(String deviceId, String cmdType, List<String> parts) {
        steps.add(queryReceived(cmdType));
        steps.add(ok(""));
        for (String part : parts) {
            steps.add(message("MESSAGE", deviceId, part, "") + "  <recv response=\"200\"/>\n");
        }
        steps.add(handled());
        counts = true;
        return this;
    }

    /**
     * Out of call: receives a Query/Catalog, answers 200, then sends {@code parts} Response Catalog
     * MESSAGEs of {@code perPart} items each (SumNum {@code parts * perPart}) in a sipp loop, as the
     * scenario text may not pass 64 KB. Item {@code k} (1-based) of part {@code q} (1-based) is the
     * channel {@link #loopChannel(int, int)}.
     */
    SippScenario answerCatalogInLoop(String deviceId, int parts, int perPart) {
        if (parts < 1 || parts > 8999 || perPart < 1 || perPart > 99) {
            throw new IllegalArgumentException("1..8999 parts of 1..99 items");
        }
        steps.add(queryReceived("Catalog"));
        steps.add(ok(""));
        StringBuilder items = new StringBuilder();
        for (int k = 1; k <= perPart; k++) {
            items.append("<Item><DeviceID>").append(LOOP_PREFIX).append("[$part]0").append(String.format("%02d", k))
                    .append("</DeviceID><Name>Camera ").append(k).append("</Name><Parental>0</Parental><ParentID>")
                    .append(deviceId).append("</ParentID><Status>ON</Status></Item>\n");
        }
        String body = response(deviceId, "<SumNum>" + parts * perPart + "</SumNum>\n<DeviceList Num=\"" + perPart
                + "\">\n" + items + "</DeviceList>\n");
        steps.add("""
                  <nop><action><assign assign_to="counter" value="1000"/></action></nop>
                  <label id="nextPart"/>
                  <nop>
                    <action>
                      <add assign_to="counter" value="1"/>
                      <assignstr assign_to="counterText" value="[$counter]"/>
                      <ereg regexp="^[0-9]+" search_in="var" variable="counterText" check_it="true" assign_to="part"/>
                    </action>
                  </nop>
                """);
        steps.add(message("MESSAGE", deviceId, body, "") + "  <recv response=\"200\"/>\n");
        steps.add("""
                  <nop>
                    <action>
                      <test assign_to="more" variable="counter" compare="less_than" value="%d"/>
                    </action>
                  </nop>
                  <nop next="nextPart" test="more"/>
                """.formatted(1000 + parts));
        steps.add(handled());
        counts = true;
        return this;
    }

    /** The channel ID of item {@code k} of part {@code q} sent by {@link #answerCatalogInLoop}. */
    static String loopChannel(int q, int k) {
        return LOOP_PREFIX + (1000 + q) + "0" + String.format("%02d", k);
    }

    /**
     * Out of call: receives the platform's Response/Alarm (§9.4) whose body must carry
     * {@code <Result>OK</Result>}, and answers 200.
     */
    SippScenario acknowledgeAlarmResult() {
        steps.add("""
                  <recv request="MESSAGE">
                    <action>
                      <ereg regexp="Response>" search_in="body" check_it="true" assign_to="root"/>
                      <ereg regexp="CmdType>Alarm" search_in="body" check_it="true" assign_to="cmd"/>
                      <ereg regexp="Result>OK" search_in="body" check_it="true" assign_to="result"/>
                      <log message="[$root] [$cmd] [$result]"/>
                    </action>
                  </recv>
                """);
        steps.add(ok(""));
        steps.add(handled());
        counts = true;
        return this;
    }

    /**
     * Out of call: receives a SUBSCRIBE (Event: Catalog), answers 200 with a To tag, Contact and the
     * asked Expires, sends one NOTIFY in the dialog with {@code notifyBody} and expects 200, then
     * receives the unsubscribe (SUBSCRIBE Expires: 0, §9.11.1) and answers 200.
     */
    SippScenario acceptCatalogSubscription(String deviceId, String notifyBody) {
        steps.add("""
                  <recv request="SUBSCRIBE">
                    <action>
                      <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="subscriber"/>
                      <ereg regexp="Catalog" search_in="hdr" header="Event:" check_it="true" assign_to="event"/>
                      <ereg regexp="CmdType>Catalog" search_in="body" check_it="true" assign_to="cmd"/>
                      <log message="[$event] [$cmd]"/>
                    </action>
                  </recv>
                """);
        steps.add(ok(";tag=dev[pid][call_number]", "[last_Expires:]\n      Contact: <sip:" + deviceId
                + "@[local_ip]:[local_port]>\n"));
        steps.add(message("NOTIFY", deviceId, notifyBody, """
                      Event: Catalog
                      Subscription-State: active;expires=3600
                """).replace("To: <sip:" + platformId + "@" + domain + ">", "To: [$subscriber]")
                .replace(";tag=dev-[pid]-[call_number]-[cseq]", ";tag=dev[pid][call_number]")
                + "  <recv response=\"200\"/>\n");
        steps.add("""
                  <recv request="SUBSCRIBE">
                    <action>
                      <ereg regexp="^[ ]*0[ ]*$" search_in="hdr" header="Expires:" check_it="true" assign_to="expired"/>
                      <log message="unsubscribed [$expired]"/>
                    </action>
                  </recv>
                """);
        steps.add(ok("", "Expires: 0\n      Contact: <sip:" + deviceId + "@[local_ip]:[local_port]>\n"));
        steps.add(handled());
        counts = true;
        return this;
    }

    /**
     * Out of call: receives one DeviceControl or DeviceConfig MESSAGE (GB/T 28181-2016 §9.3, A.2.3).
     * A body matching {@code rejected} is answered {@code 488 Not Acceptable Here} and nothing more;
     * any other 200. Then a body matching {@code refused} gets a Response with Result ERROR, one
     * matching {@code answered} (e.g. {@link #STANDARD_RESPONSES}) one with Result OK, each carrying
     * the command's CmdType, SN and DeviceID (J.7.5) and expecting 200. The patterns are POSIX
     * extended expressions without {@code <} ({@link #NONE} for none). The bodies themselves are read
     * back from sipp's message trace ({@link Sipp.Result#receivedBodies()}).
     */
    SippScenario acceptControl(String deviceId, String answered, String refused, String rejected) {
        steps.add("""
                  <recv request="MESSAGE">
                    <action>
                      <ereg regexp="CmdType>Device[A-Za-z]+" search_in="body" check_it="true" assign_to="cmd"/>
                      <ereg regexp="SN>[0-9]+" search_in="body" check_it="true" assign_to="sn"/>
                      <ereg regexp="DeviceID>[0-9]+" search_in="body" check_it="true" assign_to="target"/>
                      <ereg regexp="%s" search_in="body" check_it="false" assign_to="answered"/>
                      <ereg regexp="%s" search_in="body" check_it="false" assign_to="refused"/>
                      <ereg regexp="%s" search_in="body" check_it="false" assign_to="rejected"/>
                    </action>
                  </recv>
                  <nop next="controlRejected" test="rejected"/>
                """.formatted(answered, refused, rejected));
        steps.add(ok(""));
        steps.add("""
                  <nop next="controlRefused" test="refused"/>
                  <nop next="controlAnswered" test="answered"/>
                  <nop next="controlDone"/>
                  <label id="controlAnswered"/>
                """);
        steps.add(responseMessage(deviceId, "OK"));
        steps.add("""
                  <nop next="controlDone"/>
                  <label id="controlRefused"/>
                """);
        steps.add(responseMessage(deviceId, "ERROR"));
        steps.add("""
                  <nop next="controlDone"/>
                  <label id="controlRejected"/>
                """);
        steps.add(status("488 Not Acceptable Here"));
        steps.add("  <label id=\"controlDone\"/>\n");
        steps.add(handled());
        counts = true;
        return this;
    }

    /**
     * Out of call: receives one DeviceControl or DeviceConfig MESSAGE and sends its Response (Result
     * OK, the command's CmdType, SN and DeviceID) first, expecting 200, and only then answers the
     * command itself with 200: the order a device with a slow SIP layer and a quick application
     * produces.
     */
    SippScenario acceptControlAnsweringFirst(String deviceId) {
        steps.add("""
                  <recv request="MESSAGE">
                    <action>
                      <ereg regexp="CmdType>Device[A-Za-z]+" search_in="body" check_it="true" assign_to="cmd"/>
                      <ereg regexp="SN>[0-9]+" search_in="body" check_it="true" assign_to="sn"/>
                      <ereg regexp="DeviceID>[0-9]+" search_in="body" check_it="true" assign_to="target"/>
                      <ereg regexp=".*" search_in="hdr" header="Via:" check_it="true" assign_to="controlVia"/>
                      <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="controlFrom"/>
                      <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="controlTo"/>
                      <ereg regexp=".*" search_in="hdr" header="CSeq:" check_it="true" assign_to="controlCseq"/>
                    </action>
                  </recv>
                """);
        steps.add(responseMessage(deviceId, "OK"));
        steps.add("""
                  <send>
                    <![CDATA[

                      SIP/2.0 200 OK
                      Via: [$controlVia]
                      From: [$controlFrom]
                      To: [$controlTo];tag=dev[pid]
                      Call-ID: [call_id]
                      CSeq: [$controlCseq]
                      Content-Length: 0

                    ]]>
                  </send>
                """);
        steps.add(handled());
        counts = true;
        return this;
    }

    /** How a device's media session answered by {@link #answerInvite} ends. */
    enum InviteEnd {
        /**
         * The platform's BYE, answered 200; until then every INFO in the dialog (MANSRTSP, Annex B) gets a 200
         * with {@code RTSP/1.0 200 OK}, the INFO's CSeq and an RTP-Info line.
         */
        PLATFORM_BYE,
        /** Once signalled ({@link #SIGNAL}), the device sends BYE in the dialog and expects 200. */
        DEVICE_BYE,
        /**
         * Once signalled, the device sends a MediaStatus NotifyType 121 (end of file, §9.8.3) MESSAGE in the
         * dialog, expects 200, then the platform's BYE, answered 200.
         */
        END_OF_FILE
    }

    /**
     * What tells a device waiting in {@link #answerInvite} to end its session: any MESSAGE from the platform
     * outside the dialog (e.g. {@code platform.send(deviceId, new DeviceStatusQuery())}), answered 200.
     */
    static final String SIGNAL = "a MESSAGE outside the dialog";

    /**
     * Out of call: a channel of a device answering the platform's INVITE (GB/T 28181-2016 §9.2.2, §9.8.2,
     * Annex F): checks the offer's {@code s=sessionName} and {@code y=}, sends 100 Trying, then 200 with its
     * Contact and an SDP answer carrying its own {@code ssrc} and the media lines {@code media} ({@code m=}
     * and attributes, see {@link #udpMedia}, {@link #tcpMedia}), receives the ACK, and ends as {@code end}
     * says. The INVITE's From, To and Contact are kept for the device's own requests in the dialog. A send
     * goes straight back to the receiving step ({@code next=}): a request arriving while sipp stands on a
     * {@code nop} is unexpected to it.
     */
    SippScenario answerInvite(String channelId, String sessionName, String ssrc, String media, InviteEnd end) {
        if (end != InviteEnd.PLATFORM_BYE) {
            steps.add("  <recv request=\"MESSAGE\" optional=\"true\" next=\"signalled\"/>\n");
        }
        steps.add("""
                  <recv request="INVITE">
                    <action>
                      <ereg regexp="s=%1$s[[:space:]]" search_in="body" check_it="true" assign_to="session"/>
                      <ereg regexp="y=[0-9]+" search_in="body" check_it="true" assign_to="offered"/>
                      <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="inviteFrom"/>
                      <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="inviteTo"/>
                      <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="contact"/>
                      <log message="INVITE [$session] [$offered] from [$inviteFrom] to [$inviteTo] contact [$contact]"/>
                    </action>
                  </recv>
                  <send>
                    <![CDATA[

                      SIP/2.0 100 Trying
                      [last_Via:]
                      [last_From:]
                      [last_To:]
                      [last_Call-ID:]
                      [last_CSeq:]
                      Content-Length: 0

                    ]]>
                  </send>
                  <send>
                    <![CDATA[

                      SIP/2.0 200 OK
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=dev[pid]
                      [last_Call-ID:]
                      [last_CSeq:]
                      Contact: <sip:%2$s@[local_ip]:[local_port];transport=[transport]>
                      User-Agent: sipp GB28181 device
                      Content-Type: APPLICATION/SDP
                      Content-Length: [len]

                      v=0
                      o=%2$s 0 0 IN IP4 [local_ip]
                      s=%1$s
                      c=IN IP4 [local_ip]
                      t=0 0
                %3$s      y=%4$s
                      f=

                    ]]>
                  </send>
                  <recv request="ACK"/>
                """.formatted(sessionName, channelId, media.lines().map(line -> "      " + line + "\n")
                        .reduce("", String::concat), ssrc));
        switch (end) {
            case PLATFORM_BYE -> steps.add("""
                      <label id="dialog"/>
                      <recv request="INFO" optional="true" next="info">
                        <action>
                          <ereg regexp="CSeq: *[0-9]+" search_in="body" check_it="true" assign_to="rtspCseq"/>
                        </action>
                      </recv>
                      <recv request="BYE"/>
                    """ + ok("") + """
                      <nop next="done"/>
                      <label id="info"/>
                      <send next="dialog">
                        <![CDATA[

                          SIP/2.0 200 OK
                          [last_Via:]
                          [last_From:]
                          [last_To:]
                          [last_Call-ID:]
                          [last_CSeq:]
                          Content-Type: Application/MANSRTSP
                          Content-Length: [len]

                          RTSP/1.0 200 OK
                          [$rtspCseq]
                          RTP-Info: seq=1;rtptime=0

                        ]]>
                      </send>
                    """);
            case DEVICE_BYE -> {
                steps.add(awaitSignal());
                steps.add(inDialog("BYE", "bye", "", "") + "  <recv response=\"200\"/>\n");
                steps.add("  <nop next=\"done\"/>\n");
            }
            case END_OF_FILE -> {
                steps.add(awaitSignal());
                steps.add(inDialog("MESSAGE", "eof", "Content-Type: Application/MANSCDP+xml\n", """
                        <?xml version="1.0" encoding="GB2312"?>
                        <Notify>
                        <CmdType>MediaStatus</CmdType>
                        <SN>121</SN>
                        <DeviceID>%s</DeviceID>
                        <NotifyType>121</NotifyType>
                        </Notify>
                        """.formatted(channelId)) + "  <recv response=\"200\"/>\n  <recv request=\"BYE\"/>\n"
                        + ok("") + "  <nop next=\"done\"/>\n");
            }
        }
        if (end != InviteEnd.PLATFORM_BYE) {
            steps.add("  <label id=\"signalled\"/>\n" + ok("")
                    + "  <nop><action><assign assign_to=\"go\" value=\"1\"/></action></nop>\n"
                    + "  <nop next=\"end\"/>\n");
        }
        steps.add("  <label id=\"done\"/>\n");
        steps.add(handled());
        steps.add("  <label id=\"end\"/>\n");
        counts = true;
        return this;
    }

    /** The media lines of a device's SDP answer for RTP over UDP to {@code port} (Annex F). */
    static String udpMedia(int port) {
        return "m=video " + port + " RTP/AVP 96\na=sendonly\na=rtpmap:96 PS/90000\n";
    }

    /**
     * The media lines of a device's SDP answer for RTP over TCP (RFC 4571, RFC 4145): {@code setup} is the
     * device's role, {@code active} (it connects; port 9) or {@code passive} (it listens on {@code port}).
     */
    static String tcpMedia(int port, String setup) {
        return "m=video " + port + " TCP/RTP/AVP 96\na=sendonly\na=rtpmap:96 PS/90000\na=setup:" + setup
                + "\na=connection:new\n";
    }

    /** Waits (20 ms steps) until the {@link #SIGNAL} MESSAGE arrived. */
    private static String awaitSignal() {
        return """
                  <label id="waitSignal"/>
                  <pause milliseconds="20"/>
                  <nop>
                    <action>
                      <test assign_to="waiting" variable="go" compare="less_than" value="1"/>
                    </action>
                  </nop>
                  <nop next="waitSignal" test="waiting"/>
                """;
    }

    /**
     * A request of the device in the INVITE dialog it answered: to the platform's Contact, From the INVITE's
     * To with the device's tag, To the INVITE's From, the device's own CSeq space (RFC 3261 §12.2.1.1).
     */
    private static String inDialog(String method, String branch, String headers, String body) {
        return """
                  <send retrans="500">
                    <![CDATA[

                      %1$s [$contact] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];rport;branch=z9hG4bK-dev[pid]-%2$s
                      From: [$inviteTo];tag=dev[pid]
                      To: [$inviteFrom]
                      Call-ID: [call_id]
                      CSeq: 1 %1$s
                      Max-Forwards: 70
                      User-Agent: sipp GB28181 device
                %3$s      Content-Length: [len]

                %4$s    ]]>
                  </send>
                """.formatted(method, branch, headers.lines().map(line -> "      " + line + "\n")
                        .reduce("", String::concat), body);
    }

    /** The scenario text. */
    String xml() {
        StringBuilder xml = new StringBuilder(PROLOG).append("<scenario name=\"").append(name).append("\">\n");
        if (counts || steps.stream().anyMatch(step -> step.contains("handled"))) {
            boolean signalled = steps.stream().anyMatch(step -> step.contains("\"go\""));
            xml.append("  <Global variables=\"handled").append(signalled ? ",go" : "").append("\"/>\n");
        }
        steps.forEach(xml::append);
        return xml.append("</scenario>\n").toString();
    }

    /**
     * A Response body of a query answer: the CmdType and SN captured from the query (A.2.6: the
     * answer echoes the query's SN).
     */
    static String response(String deviceId, String elements) {
        return """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <[$cmd]</CmdType>
                <[$sn]</SN>
                <DeviceID>%s</DeviceID>
                %s</Response>
                """.formatted(deviceId, elements);
    }

    /**
     * The MESSAGE carrying a control's Response, expecting 200. sipp's {@code [branch]} is the same in
     * every out-of-call call of a run (it counts per call, and each of these is call 0): the platform
     * rightly takes a second Response with the same branch for a retransmission of the first and
     * repeats its 200 (RFC 3261 §17.2.3), so the branch here is made from the call's own Call-ID.
     */
    private String responseMessage(String deviceId, String result) {
        return message("MESSAGE", deviceId, controlResponse(result), "")
                .replace("branch=[branch]-[cseq]", "branch=z9hG4bK-[call_id]-[cseq]")
                + "  <recv response=\"200\"/>\n";
    }

    /** A control's Response (A.2.6, J.7.5): its CmdType, SN and DeviceID as captured, and the result. */
    private static String controlResponse(String result) {
        return """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <[$cmd]</CmdType>
                <[$sn]</SN>
                <[$target]</DeviceID>
                <Result>%s</Result>
                </Response>
                """.formatted(result);
    }

    private static String queryReceived(String cmdType) {
        return """
                  <recv request="MESSAGE">
                    <action>
                      <ereg regexp="CmdType>%s" search_in="body" check_it="true" assign_to="cmd"/>
                      <ereg regexp="SN>[0-9]+" search_in="body" check_it="true" assign_to="sn"/>
                    </action>
                  </recv>
                """.formatted(cmdType);
    }

    private String message(String method, String from, String body, String extraHeaders) {
        return """
                  <send retrans="500">
                    <![CDATA[

                      %1$s sip:%2$s@%3$s SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];rport;branch=[branch]-[cseq]
                      From: <sip:%4$s@%3$s>;tag=dev-[pid]-[call_number]-[cseq]
                      To: <sip:%2$s@%3$s>
                      Call-ID: [call_id]
                      CSeq: [cseq] %1$s
                      Max-Forwards: 70
                      User-Agent: sipp GB28181 device
                %5$s      Content-Type: Application/MANSCDP+xml
                      Content-Length: [len]

                %6$s    ]]>
                  </send>
                """.formatted(method, platformId, domain, from, extraHeaders.indent(0).lines()
                        .map(line -> "      " + line + "\n").reduce("", String::concat), body);
    }

    private static String ok(String toTag) {
        return ok(toTag, "");
    }

    /** A final answer without body to the last request, e.g. {@code 488 Not Acceptable Here}. */
    private static String status(String statusLine) {
        return """
                  <send>
                    <![CDATA[

                      SIP/2.0 %s
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=dev[pid]
                      [last_Call-ID:]
                      [last_CSeq:]
                      Content-Length: 0

                    ]]>
                  </send>
                """.formatted(statusLine);
    }

    private static String ok(String toTag, String extraHeaders) {
        return """
                  <send>
                    <![CDATA[

                      SIP/2.0 200 OK
                      [last_Via:]
                      [last_From:]
                      [last_To:]%s
                      [last_Call-ID:]
                      [last_CSeq:]
                      %sContent-Length: 0

                    ]]>
                  </send>
                """.formatted(toTag, extraHeaders);
    }

    private static String handled() {
        return "  <nop><action><add assign_to=\"handled\" value=\"1\"/></action></nop>\n";
    }
}
