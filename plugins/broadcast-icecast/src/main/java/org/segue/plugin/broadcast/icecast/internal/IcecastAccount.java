package org.segue.plugin.broadcast.icecast.internal;

import java.net.URI;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Icecast mount Segue may broadcast to, saved with
 * {@code segue connect icecast --name radio url=http://host:8000/live username=source} (the
 * password is asked for and kept in the user's configuration folder). A factory configuration per
 * mount; {@code segue broadcast} finds it by URL.
 */
@Component(service = IcecastAccount.class, configurationPid = IcecastAccount.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IcecastAccount.Config.class, factory = true)
public class IcecastAccount {
    public static final String PID = "org.segue.connector.icecast";

    @ObjectClassDefinition(name = "Segue Icecast mount", description = "A mount Segue broadcasts mixes to")
    public @interface Config {
        @AttributeDefinition(description = "The mount's address, e.g. http://radio.example.org:8000/live.ogg")
        String url();

        @AttributeDefinition(description = "The source user; Icecast's default is 'source'")
        String username() default "source";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "The source password")
        String password();
    }

    private URI url;
    private String username;
    private String password;

    @Activate
    void activate(Config config) {
        url = URI.create(config.url().trim());
        username = config.username();
        password = config.password() == null ? "" : config.password();
    }

    URI url() {
        return url;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "IcecastAccount[" + url + "]";
    }
}
