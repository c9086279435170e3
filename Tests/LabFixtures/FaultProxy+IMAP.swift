import Foundation

extension FaultProxy {
    /// `scripts/lab/imap-fault-proxy.py`: ends TLS on both sides (the lab's own certificate), so
    /// it can answer matching IMAP commands itself (`NO [THROTTLED]`, `BYE`), add a word to the
    /// server's CAPABILITY (`APPENDLIMIT=…`) and count connections per login.
    /// `lab` is the lab directory (`LAB` in lab.env); `target` "127.0.0.1:<imaps port>".
    public static func imap(lab: String, target: String, inject: String? = nil, times: Int = 1,
                            response: String? = nil, capabilityAdd: String? = nil) throws -> FaultProxy {
        var arguments = ["--target", target, "--cert", "\(lab)/tls/server.pem", "--key", "\(lab)/tls/server.key",
                         "--ca", "\(lab)/tls/ca.pem", "--times", "\(times)"]
        if let inject { arguments += ["--inject", inject] }
        if let response { arguments += ["--response", response] }
        if let capabilityAdd { arguments += ["--capability-add", capabilityAdd] }
        return try FaultProxy(script: "imap-fault-proxy.py", arguments)
    }
}
