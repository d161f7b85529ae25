using QRCoder;

namespace OrleansConsult.Host.Commands;

/// <summary>A QR code of an invitation link (or of the bare code when no link can be made), as PNG bytes.</summary>
public static class InvitationQrCode
{
    public static byte[] Png(string text, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
