package vn.hailong.platform.web;

import java.io.IOException;
import java.util.Objects;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat's own error report, for what Tomcat refuses before the application sees it (a path or
 * query it cannot decode, a malformed request line) and so before any filter can answer: a problem
 * for the machines' paths, Tomcat's usual page (without its version) for the rest. Installed as the
 * host's error report valve by {@link Customizer}.
 */
public class MachinePathErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(MachinePathErrorValve.class);

    public MachinePathErrorValve() {
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = rawPath(request);
        // A request line Tomcat could not parse has no path: no browser sends one (browsers encode
        // what they send), so it is answered as a machine would want it.
        boolean unparsed = uri == null || uri.isEmpty();
        if (status < 400
                || response.getContentWritten() > 0
                || !(unparsed
                        || MachinePaths.covers(ProblemOnlyConfiguration.MACHINE_PATHS, Objects.requireNonNull(uri)))) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return; // someone else reports this error
        }
        try {
            response.resetBuffer();
            ProblemBodies.write(
                    response.getResponse(),
                    status,
                    ProblemBodies.title(status),
                    ProblemBodies.detail(status),
                    null,
                    null);
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem for a request Tomcat refused", e);
        }
    }

    /** The path as the client sent it (undecoded: decoding is what may have failed), without the query. */
    private static @Nullable String rawPath(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** Makes this valve the host's error report valve (Tomcat adds it when the host starts). */
    public static final class Customizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(MachinePathErrorValve.class.getName());
                }
            });
        }
    }
}
