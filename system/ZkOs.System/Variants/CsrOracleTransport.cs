// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle;
using ZkOs.System.Oracle.Csr;

namespace ZkOs.System.Variants;

/// <summary>
/// Proving transport: every query and answer crosses the CSR protocol as 32-bit words (reference §6.3).
/// A <see cref="CsrOracle"/> given as the source is already the guest side of a port (a tape, or a
/// recording host) and is used as is; any other oracle is put behind a host port, as the simulator does.
/// </summary>
public readonly struct CsrOracleTransport : IOracleTransport
{
    public static IOracle Open(IOracle source) =>
        source as CsrOracle ?? new CsrOracle(new OracleHostPort(source));
}
