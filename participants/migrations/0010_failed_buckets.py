from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('participants', '0009_value_bounds'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='stalebucket',
            options={'verbose_name': 'stale coverage bucket', 'verbose_name_plural': 'stale coverage buckets'},
        ),
        migrations.AddField(
            model_name='stalebucket',
            name='error',
            field=models.TextField(blank=True, verbose_name='error'),
        ),
        migrations.AddField(
            model_name='stalebucket',
            name='failed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='failed at'),
        ),
    ]
