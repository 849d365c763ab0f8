package com.bidstream.localstack.keys;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./bidstream key create --agency ID [--role MEMBER|OPERATOR]}: creates a key,
 * stores its hash in the keys file, and prints the key once.
 */
public final class KeyCommand {

	private KeyCommand() {
	}

	public static int create(Path keysFile, String agency, String role, PrintStream out) {
		KeysFile.Role parsed;
		try {
			parsed = KeysFile.Role.valueOf(((role != null) ? role : "MEMBER").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			out.println("--role must be MEMBER or OPERATOR, not " + role);
			return 2;
		}
		if (parsed == KeysFile.Role.MEMBER && agency == null) {
			out.println("A member key needs --agency ID (an operator key: --role OPERATOR)");
			return 2;
		}
		String key;
		try {
			key = new KeysFile(keysFile).create(agency, parsed);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		String owner = (parsed == KeysFile.Role.OPERATOR) ? "an OPERATOR key (all agencies)"
				: "a key for agency " + agency;
		out.println("Created " + owner + "; only its SHA-256 hash is stored, in " + keysFile);
		out.println();
		out.println("    " + key);
		out.println();
		out.println("It is shown only this once. Send it as the X-Api-Key header; running services accept it"
				+ " within seconds, a stopped stack at its next ./bidstream up.");
		return 0;
	}

}
