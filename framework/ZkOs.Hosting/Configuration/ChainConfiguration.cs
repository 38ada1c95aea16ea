// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>The <c>"chain"</c> section of zkos.json: kept to what the host needs before the first block.</summary>
public sealed record ChainConfiguration
{
    /// <summary>The chain ID of a local ZKsync node.</summary>
    public const ulong DefaultChainId = 270;

    public const string DefaultFork = "Cancun";

    /// <summary>
    /// The Ethereum fork names the configuration accepts, oldest first. Which of them an EE really
    /// implements is the EE's business; the list only catches typos at load time.
    /// </summary>
    public static IReadOnlyList<string> KnownForks { get; } =
    [
        "Frontier", "Homestead", "TangerineWhistle", "SpuriousDragon", "Byzantium", "Constantinople",
        "Petersburg", "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun", "Prague", "Osaka",
    ];

    public ulong ChainId { get; init; } = DefaultChainId;

    /// <summary>One of <see cref="KnownForks"/>, spelled as there.</summary>
    public string Fork { get; init; } = DefaultFork;
}
