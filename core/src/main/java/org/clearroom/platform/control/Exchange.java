package org.clearroom.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The request being served, as the audit trail names it: a request id (also in the response header
 * and the log) and the client's address. Outside an HTTP request (start-up work) the id is generated
 * and the address is empty.
 */
@RequestScoped
public class Exchange {

    private String requestId;
    private String clientAddress;

    public void begin(String requestId, String clientAddress) {
        this.requestId = requestId;
        this.clientAddress = clientAddress;
    }

    public String requestId() {
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
