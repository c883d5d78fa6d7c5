package org.segue.itest.plugins.activator;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Test plugin whose bundle activator throws on start. */
public class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        throw new IllegalArgumentException("deliberate failure in the activator");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
