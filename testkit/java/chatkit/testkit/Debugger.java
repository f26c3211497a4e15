package chatkit.testkit;

import java.lang.management.ManagementFactory;

/** Tells whether the tests run under a debugger, so waits can stretch while you sit at a breakpoint. */
final class Debugger {

    private static final boolean ATTACHED = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(argument -> argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp"));

    private Debugger() {
    }

    static boolean attached() {
        return ATTACHED;
    }
}
