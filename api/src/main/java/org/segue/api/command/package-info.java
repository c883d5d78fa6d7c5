/**
 * Command-line commands contributed by bundles.
 *
 * <p>A bundle adds a {@code segue <name>} command by registering a {@link org.segue.api.command.Command}
 * service carrying the {@link org.segue.api.command.Command#NAME} property (most easily with the
 * {@link org.segue.api.command.SegueCommand} component property type). The kernel finds the service
 * by name, hands it a {@link org.segue.api.command.CommandContext} and exits with its return code.
 *
 * <p>Versioning: consumers (command implementers) import {@code [1.0,2)}; providers of
 * {@link org.segue.api.command.CommandContext} (the kernel) import {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package org.segue.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
