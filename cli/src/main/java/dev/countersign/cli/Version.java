package dev.countersign.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The CLI's version, written into its resources by the build. */
public final class Version implements IVersionProvider {

    private static final String CURRENT = load();

    public static String current() {
        return CURRENT;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"countersign " + CURRENT, "Java " + System.getProperty("java.version")};
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/countersign-cli.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
