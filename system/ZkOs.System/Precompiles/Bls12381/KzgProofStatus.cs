// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>The outcome of a KZG proof verification (the consensus specs' verify_kzg_proof).</summary>
internal enum KzgProofStatus : byte
{
    /// <summary>The proof shows that the committed polynomial takes the value y at z.</summary>
    Valid = 0,

    /// <summary>Well-formed input, but the pairing check fails (verify_kzg_proof returns False).</summary>
    Invalid,

    /// <summary>
    /// z or y not below the BLS modulus, or a commitment or proof that is not a valid compressed G1 point of the
    /// order-r subgroup (verify_kzg_proof raises).
    /// </summary>
    Malformed,
}
