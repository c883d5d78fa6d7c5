package org.segue.itest.plugins.provider;

/** Exported by the "provider" test plugin; the "unresolved" one resolves once this arrives. */
public class Helper {
}
