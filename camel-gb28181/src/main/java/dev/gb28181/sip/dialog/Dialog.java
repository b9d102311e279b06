package dev.gb28181.sip.dialog;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;

import java.util.Objects;

/**
 * The UAC side of a SIP dialog (RFC 3261 §12): Call-ID, local and remote tags, local and remote URIs,
 * the remote target and the local CSeq. Built for the subscriptions of GB/T 28181-2016 §9.11
 * (RFC 6665 §4.1.2: a SUBSCRIBE creates a dialog, renewals and the final {@code Expires: 0} are sent
 * in it, NOTIFYs arrive in it), and fit for the INVITE dialogs of §9.2.
 *
 * <p>The dialog is early until {@link #confirm(SipResponse)} (a 2xx) or {@link #confirm(SipRequest)}
 * (a NOTIFY that arrived before the 2xx, RFC 6665 §4.1.2.4) fills the remote tag and target. Route
 * sets are not kept: GB/T 28181 devices are reached directly. Thread-safe.
 */
public final class Dialog {

    private final String callId;
    private final NameAddress local;
    private final NameAddress remote;
    private volatile String remoteTag;
    private volatile SipUri remoteTarget;
    private long localSeq;

    /**
     * @param callId       the Call-ID of the initial request
     * @param local        the From of the initial request, with its tag
     * @param remote       the To of the initial request, without tag
     * @param remoteTarget the Request-URI of the initial request, replaced by the peer's Contact
     * @param lastSeq      the last local CSeq number used: 0 when {@link #newRequest} builds the initial request
     */
    public Dialog(String callId, NameAddress local, NameAddress remote, SipUri remoteTarget, long lastSeq) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.local = Objects.requireNonNull(local, "local");
        if (local.tag() == null) {
            throw new IllegalArgumentException("The local address of a dialog needs a tag: " + local);
        }
        this.remote = Objects.requireNonNull(remote, "remote");
        this.remoteTarget = Objects.requireNonNull(remoteTarget, "remoteTarget");
        this.localSeq = lastSeq;
    }

    public String callId() {
        return callId;
    }

    public String localTag() {
        return local.tag();
    }

    /** The peer's tag, {@code null} while the dialog is early. */
    public String remoteTag() {
        return remoteTag;
    }

    /** Where in-dialog requests go: the peer's Contact once known. */
    public SipUri remoteTarget() {
        return remoteTarget;
    }

    /**
     * Takes the remote tag (To) and target (Contact) of a 2xx to the initial request or to a request
     * in the dialog (RFC 3261 §12.1.2, §12.2.1.2: a target refresh updates the target).
     */
    public void confirm(SipResponse response) {
        NameAddress to = response.to();
        if (to != null && to.tag() != null && remoteTag == null) {
            remoteTag = to.tag();
        }
        updateTarget(response.header(HeaderNames.CONTACT));
    }

    /** Takes the remote tag (From) and target (Contact) of a request the peer sent in the dialog. */
    public void confirm(SipRequest request) {
        NameAddress from = request.from();
        if (from != null && from.tag() != null && remoteTag == null) {
            remoteTag = from.tag();
        }
        updateTarget(request.header(HeaderNames.CONTACT));
    }

    /**
     * Whether a request from the peer belongs to this dialog: same Call-ID, its To tag is ours and,
     * once confirmed, its From tag is the peer's (RFC 3261 §12.2.2).
     */
    public boolean matches(SipRequest request) {
        if (!callId.equals(request.callId())) {
            return false;
        }
        NameAddress to = request.to();
        NameAddress from = request.from();
        if (to == null || !local.tag().equals(to.tag())) {
            return false;
        }
        String tag = remoteTag;
        return tag == null || (from != null && tag.equals(from.tag()));
    }

    /**
     * A new request in the dialog (the initial one too) with the next CSeq (RFC 3261 §12.2.1.1): to the
     * remote target, From the local address, To the remote one with its tag once known. Via, Contact
     * and body are the caller's.
     */
    public SipRequest newRequest(String method) {
        long seq;
        synchronized (this) {
            seq = ++localSeq;
        }
        SipRequest request = new SipRequest(method, remoteTarget);
        request.addHeader(HeaderNames.FROM, local.toString());
        String tag = remoteTag;
        request.addHeader(HeaderNames.TO, (tag == null ? remote : remote.withTag(tag)).toString());
        request.addHeader(HeaderNames.CALL_ID, callId);
        request.addHeader(HeaderNames.CSEQ, new CSeq(seq, method).toString());
        return request;
    }

    private void updateTarget(String contact) {
        if (contact == null) {
            return;
        }
        try {
            remoteTarget = NameAddress.parse(contact).uri();
        } catch (SipParseException e) {
            // keep the target we have: a broken Contact must not break the dialog
        }
    }

    @Override
    public String toString() {
        return "Dialog[" + callId + " local " + local.tag() + " remote " + remoteTag + " -> " + remoteTarget + ']';
    }
}
