// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// The one non-determinism channel of the RISC-V guest (reference §6.3): a control-and-status register
/// the program writes 32-bit words to and reads 32-bit words from. The guest side is
/// <see cref="CsrOracle"/>; the other side is a host answering from sources (<see cref="OracleHostPort"/>)
/// or a recorded tape (<see cref="TapePort"/>).
/// </summary>
public interface ICsrPort
{
    void Write(uint word);

    uint Read();
}
