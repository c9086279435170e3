// swift-tools-version:6.0
import PackageDescription

// Targets follow the roles of design.md: pure `MIME` and `Intake` (values in, values out),
// the libcurl binding, transport, and a thin command line on top.
let package = Package(
    name: "ocm-intake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ocm-intake", targets: ["OCMIntakeCLI"]),
        .executable(name: "ocm-intake-bench", targets: ["Benchmarks"]),
        .library(name: "MIME", targets: ["MIME"]),
        .library(name: "Intake", targets: ["Intake"]),
        .library(name: "Replies", targets: ["Replies"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcurl as Debian ships it (libcurl4-openssl-dev, pkg-config `libcurl`).
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Typed, non-variadic wrappers: Swift cannot call curl_easy_setopt/getinfo directly.
        .target(name: "CurlShim", dependencies: ["CCurl"], path: "Sources/CurlShim"),
        // zlib as Debian ships it (zlib1g-dev): our own bounded zip reader and PDF FlateDecode.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "MIME", path: "Sources/MIME"),
        .target(
            name: "Intake",
            dependencies: [
                "MIME",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/Intake"
        ),
        // Reply mails rendered from Templates/ (text given by the shell) into MIME messages.
        .target(
            name: "Replies",
            dependencies: ["MIME", "Intake", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/Replies"
        ),
        // OAuth 2 client assertions (JWT signatures, certificate thumbprints) through the system
        // OpenSSL (libssl-dev); the same libcrypto libcurl already loads.
        .target(name: "OAuthCrypto", path: "Sources/OAuthCrypto", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "MailTransport", dependencies: ["CCurl", "CurlShim", "MIME", "OAuthCrypto"], path: "Sources/MailTransport"),
        // The SQLite ledger: plain values in and out, no transport or MIME types.
        .target(
            name: "Ledger",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/Ledger"
        ),
        // The poll cycle, outbox delivery, configuration and lifecycle: the imperative shell.
        .target(
            name: "Daemon",
            dependencies: [
                "MIME", "Intake", "MailTransport", "Ledger", "Replies",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Daemon"
        ),
        .executableTarget(
            name: "OCMIntakeCLI",
            dependencies: [
                "MIME", "Intake", "MailTransport", "Ledger", "Daemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Sources/ocm-intake"
        ),
        // Timing figures for the closing notes; not part of the test suite.
        .executableTarget(name: "Benchmarks", dependencies: ["MIME", "Intake"], path: "Sources/Benchmarks"),
        .testTarget(name: "MIMETests", dependencies: ["MIME", "ZIPFixture"], path: "Tests/MIMETests", exclude: ["Fixtures"]),
        .testTarget(
            name: "IntakeTests",
            dependencies: ["Intake", "MIME", "CZlib", "ZIPFixture", "Replies"],
            path: "Tests/IntakeTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RepliesTests",
            dependencies: ["Replies", "MIME", "Intake"],
            path: "Tests/RepliesTests",
            exclude: ["Golden"]
        ),
        .testTarget(name: "MailTransportTests", dependencies: ["MailTransport", "CCurl", "CurlShim"], path: "Tests/MailTransportTests"),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/LedgerTests"
        ),
        .testTarget(name: "CLITests", dependencies: ["OCMIntakeCLI"], path: "Tests/CLITests"),
        // The daemon against real servers (private Dovecot + Postfix labs) and on Maildirs; runs the
        // built `ocm-intake` binary too, so it depends on the executable target being built.
        .testTarget(
            name: "DaemonTests",
            dependencies: ["Daemon", "Ledger", "Intake", "MIME", "MailTransport", "OCMIntakeCLI",
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/DaemonTests"
        ),
    ]
)

// After approval (issue 12): the calendar, provider results, effectiveness and section 6 reports,
// pure (values in, values out); the CLI's schedule/results/report commands use it.
package.targets.append(contentsOf: [
    .target(name: "Followup", dependencies: ["MIME", "Intake", .product(name: "Yams", package: "Yams")], path: "Sources/Followup"),
    .testTarget(name: "FollowupTests", dependencies: ["Followup", "Intake", "MIME", "Ledger", "OCMIntakeCLI", "ZIPFixture"], path: "Tests/FollowupTests"),
    // A zip writer for Office fixtures, shared by the test targets (no third-party zip library).
    .target(name: "ZIPFixture", dependencies: ["CZlib"], path: "Tests/ZIPFixture"),
    // The lab's fault proxy and sample arrival stamps, shared by the transport, daemon and CLI tests.
    .target(name: "LabFixtures", dependencies: ["MIME"], path: "Tests/LabFixtures"),
])
package.targets.first { $0.name == "OCMIntakeCLI" }?.dependencies.append("Followup")
package.targets.first { $0.name == "Daemon" }?.dependencies.append("Followup")
package.targets.first { $0.name == "DaemonTests" }?.dependencies.append("Followup")
for name in ["MailTransportTests", "DaemonTests", "CLITests"] {
    package.targets.first { $0.name == name }?.dependencies.append("LabFixtures")
}

// Issue 10: the readers of OAuth server bytes (token answers, SASL error challenges), pure so a
// fuzz target can link them without libcurl or OpenSSL (Fuzz/oauth.swift).
package.targets.append(.target(name: "OAuthWire", path: "Sources/OAuthWire"))
package.targets.first { $0.name == "MailTransport" }?.dependencies.append("OAuthWire")
package.targets.first { $0.name == "MailTransportTests" }?.dependencies.append("OAuthWire")
