using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using OrleansConsult.Storage;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// Seals each Data Protection key with the service's key ring (Transcripts:Keys, AES-GCM) before
/// it is stored in oc_console_dp_keys: whoever reads the database alone cannot forge a console
/// sign-in. Retiring a key-ring key after `rekey` makes the keys it sealed unreadable: people
/// sign in again, nothing else is lost.
/// </summary>
public sealed class KeyRingXmlEncryptor(PayloadProtector protector) : IXmlEncryptor
{
    internal const string AssociatedData = "oc-console-dataprotection-key";
    internal const string ElementName = "sealedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(ElementName, Convert.ToBase64String(protector.Seal(plaintextElement.ToString(SaveOptions.DisableFormatting), AssociatedData))),
            typeof(KeyRingXmlDecryptor));
}
