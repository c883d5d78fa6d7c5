package org.segue.itest.plugins.hanging;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Test plugin whose activator never returns (until interrupted). */
public class HangingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
