package org.segue.itest.plugins.unresolved;

import org.osgi.service.component.annotations.Component;
import org.segue.itest.plugins.provider.Helper;

/** Test plugin importing a package that only the "provider" test plugin exports. */
@Component(immediate = true, service = NeedsMissingPackage.class)
public class NeedsMissingPackage {
    public String help() {
        return new Helper().toString();
    }
}
