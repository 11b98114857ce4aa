package org.clearroom.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors raised outside JAX-RS (an unknown static path, a failure in the authentication mechanism)
 * are answered as problem+json too, instead of the container's HTML page. Mapped in web.xml.
 */
@WebServlet(urlPatterns = "/error", name = "errors")
public class ErrorPages extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        var requestId = RequestIds.of(request);
        var failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String detail;
        if (status >= 500) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", failure);
            detail = "the server failed; quote request id " + requestId + " to the operators";
        } else {
            detail = status == 404 ? "no resource at this path" : "the request was refused";
        }
        Problems.write(request, response, status, detail);
    }
}
