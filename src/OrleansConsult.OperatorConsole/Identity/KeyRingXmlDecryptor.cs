using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Storage;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>Opens what <see cref="KeyRingXmlEncryptor"/> sealed (Data Protection creates it by type, with the service provider).</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<PayloadProtector>().Open(Convert.FromBase64String(encryptedElement.Value), KeyRingXmlEncryptor.AssociatedData));
}
