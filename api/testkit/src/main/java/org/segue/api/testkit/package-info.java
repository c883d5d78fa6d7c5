/**
 * Test kit for Segue plugin authors: synthesised signals whose truth is known exactly, a harness
 * that drives an analyzer the way the host does, and conformance suites ({@code Base*TestCase})
 * that a plugin's own tests extend.
 *
 * <p>Test scope only; never needed at run time. Consumers import {@code [1.0,2)}.
 */
@Export
@Version("1.3.0")
package org.segue.api.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
